import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { limits } from '@qianxing/core/limits';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { modules } from '../modules/registry.js';
import { inboxSms, silentLog } from '../test-support/app.js';
import { createTestDatabase } from '../test-support/db.js';
import { createApp } from './app.js';

// Through Node's own HTTP server, as in production: the limit reads the declared length without
// touching the body, and counts a chunked body as it streams in.
let database: Database;
let server: ReturnType<typeof serve>;
let port = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  const app = createApp({
    modules,
    database,
    log: silentLog,
    sms: inboxSms(),
    version: 'test',
    sessionDays: 1,
    secureCookies: false,
  });
  server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await database.close();
});

function post(headers: Record<string, string>, write: (req: ReturnType<typeof httpRequest>) => void) {
  return new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, method: 'POST', path: '/api/v1/auth/login', headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          body += chunk;
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'] ?? '', body }),
        );
      },
    );
    // The server may answer and close before a refused body is fully sent.
    req.on('error', (error) =>
      (error as NodeJS.ErrnoException).code === 'EPIPE' ? undefined : reject(error),
    );
    write(req);
  });
}

describe('request body limit', () => {
  it('reads a body of declared length within the limit straight through to the route', async () => {
    const body = JSON.stringify({ login: 'nobody', password: 'wrong-password' });
    const res = await post(
      { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
      (req) => req.end(body),
    );
    expect(res.status).toBe(401);
    expect(res.type).toContain('application/problem+json');
  });

  it('refuses a declared length over the limit before reading the body', async () => {
    const res = await post(
      { 'content-type': 'application/json', 'content-length': String(limits.uploadBytes + 1) },
      (req) => req.write('{"login":'),
    );
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('counts a chunked body and refuses it once it passes the limit', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const res = await post({ 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, (req) => {
      for (let sent = 0; sent <= limits.uploadBytes; sent += chunk.length) req.write(chunk);
      req.end();
    });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('reads a chunked body within the limit', async () => {
    const res = await post({ 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, (req) => {
      req.write('{"login":"nobody",');
      req.end('"password":"wrong-password"}');
    });
    expect(res.status).toBe(401);
  });
});
