import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { modules } from '../modules/registry.js';
import { inboxSms, TestClient } from '../test-support/app.js';
import { createTestDatabase } from '../test-support/db.js';
import { makeUnit, makeUser, signIn } from '../test-support/factories.js';
import { capturedLog } from '../test-support/quiet.js';
import { createApp } from './app.js';

let database: Database;
/** The lines the app logs, and a world whose app logs them. */
const { log: capturing, lines } = capturedLog('info');
let world: { database: Database; sms: ReturnType<typeof inboxSms>; client: (ip?: string) => TestClient };
beforeAll(async () => {
  database = await createTestDatabase();
  const sms = inboxSms();
  const app = createApp({
    modules,
    database,
    log: capturing,
    sms,
    version: 'test',
    sessionDays: 1,
    secureCookies: false,
    trustProxy: () => true,
  });
  world = { database, sms, client: (ip?: string) => new TestClient(app, ip) };
});
afterAll(() => database.close());

const requestLines = () =>
  lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'request');

describe('the request log', () => {
  it('names a signed-in citizen by account id, never by the phone number that is their login', async () => {
    const phone = '13912340021';
    const citizen = await makeUser(world, {
      login: phone,
      phone,
      roles: [['citizen', await makeUnit(world)]],
    });
    const client = await signIn(world, citizen);
    lines.length = 0;
    expect((await client.get('/api/v1/auth/session')).status).toBe(200);
    expect(requestLines()[0]).toMatchObject({
      route: '/api/v1/auth/session',
      status: 200,
      userId: citizen.id,
    });
    expect(lines.join('')).not.toContain(phone);
  });

  it('logs the route a secret travels in, never the invitation token or tracking code itself', async () => {
    const token = 'Secret-invitation-token-0123456789abcdef';
    const code = 'SecretCd42';
    const client = world.client('10.90.0.1');
    lines.length = 0;
    await client.get(`/api/v1/auth/invitations/${token}`);
    await client.post(`/api/v1/auth/invitations/${token}/accept`, { password: 'Some-password-2026' });
    await client.get(`/api/v1/public/track/${code}`);
    await client.get(`/api/v1/public/track/${code}/mistyped`);
    expect(requestLines().map((l) => l.route)).toEqual([
      '/api/v1/auth/invitations/:token',
      '/api/v1/auth/invitations/:token/accept',
      '/api/v1/public/track/:code',
      expect.not.stringContaining(code),
    ]);
    const logged = lines.join('');
    expect(logged).not.toContain(token);
    expect(logged).not.toContain(code);
  });
});
