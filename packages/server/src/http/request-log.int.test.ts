import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { modules } from '../modules/registry.js';
import { inboxSms, TestClient } from '../test-support/app.js';
import { createTestDatabase } from '../test-support/db.js';
import { makeUnit, makeUser, signIn } from '../test-support/factories.js';
import { createApp } from './app.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('the request log', () => {
  it('names a signed-in citizen by account id, never by the phone number that is their login', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const sms = inboxSms();
    const app = createApp({
      modules,
      database,
      log: pino({ level: 'info' }, sink),
      sms,
      version: 'test',
      sessionDays: 1,
      secureCookies: false,
      trustProxy: true,
    });
    const world = { database, sms, client: (ip?: string) => new TestClient(app, ip) };
    const phone = '13912340021';
    const citizen = await makeUser(world, {
      login: phone,
      phone,
      roles: [['citizen', await makeUnit(world)]],
    });
    const client = await signIn(world, citizen);
    lines.length = 0;
    expect((await client.get('/api/v1/auth/session')).status).toBe(200);
    const request = lines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.msg === 'request');
    expect(request).toMatchObject({ path: '/api/v1/auth/session', status: 200, userId: citizen.id });
    expect(lines.join('')).not.toContain(phone);
  });
});
