import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginLimits } from '../auth/login-limits.js';
import type { Database } from '../db/client.js';
import { modules } from '../modules/registry.js';
import { inboxSms, silentLog, TestClient } from '../test-support/app.js';
import { createTestDatabase } from '../test-support/db.js';
import { factoryPassword, makeUnit, makeUser } from '../test-support/factories.js';
import { createApp } from './app.js';
import { clientAddress, trustedProxies } from './client-address.js';

let database: Database;
let app: ReturnType<typeof createApp>;
let login: string;
beforeAll(async () => {
  database = await createTestDatabase();
  const sms = inboxSms();
  app = createApp({
    modules,
    database,
    log: silentLog,
    sms,
    version: 'test',
    sessionDays: 1,
    secureCookies: false,
    trustProxy: trustedProxies('1'),
  });
  const world = { database, sms, client: () => new TestClient(app) };
  login = (await makeUser(world, { roles: [['expert', await makeUnit(world)]] })).login;
});
afterAll(() => database.close());

/** A sign-in with a wrong password from `peer` (the socket's address), forwarded for `forwardedFor`. */
const wrongTry = (peer: string, forwardedFor: string) => {
  const body = JSON.stringify({ login, password: `not-${factoryPassword}` });
  // The socket's part of a Node request, as the Node adapter hands it to the app.
  const incoming = { socket: { remoteAddress: peer } };
  return app.request(
    '/api/v1/auth/login',
    {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
        'x-forwarded-for': forwardedFor,
      },
      body,
    },
    { incoming },
  );
};

describe('the client address behind a proxy', () => {
  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= loginLimits.pair.limit + 1; i++)
      statuses.push((await wrongTry('203.0.113.9', `198.51.100.${i}`)).status);
    expect(statuses).toEqual([...Array(loginLimits.pair.limit).fill(401), 429]);
  });

  it('takes the rightmost address the trusted proxy did not write itself, never the client’s own entries', async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= loginLimits.pair.limit + 1; i++)
      statuses.push((await wrongTry('::ffff:127.0.0.1', `192.0.2.${i}, 198.51.100.77`)).status);
    expect(statuses).toEqual([...Array(loginLimits.pair.limit).fill(401), 429]);
  });

  it('reads the setting as addresses and CIDR blocks, `1` as loopback, and refuses anything else', () => {
    const trust = trustedProxies('10.1.0.0/16, 192.0.2.5, fd00::/8');
    expect(clientAddress('10.1.2.3', '203.0.113.1, 192.0.2.5', trust)).toBe('203.0.113.1');
    expect(clientAddress('fd00::1', '198.51.100.1', trust)).toBe('198.51.100.1');
    expect(clientAddress('10.2.0.1', '198.51.100.1', trust)).toBe('10.2.0.1');
    expect(clientAddress('10.1.0.9', 'not-an-address', trust)).toBe('10.1.0.9');
    expect(clientAddress('127.0.0.1', '198.51.100.1', trustedProxies('1'))).toBe('198.51.100.1');
    expect(clientAddress('127.0.0.1', '198.51.100.1', trustedProxies(undefined))).toBe('127.0.0.1');
    expect(() => trustedProxies('yes')).toThrow(/QIANXING_TRUST_PROXY/);
    for (const wrong of ['10.0.0.0/40', '10.0.0.0/8/x', 'fd00::/129', '10.0.0.0/'])
      expect(() => trustedProxies(wrong), wrong).toThrow(/QIANXING_TRUST_PROXY: ".*" is not an address/);
    expect(clientAddress('fd00::1', '198.51.100.1', trustedProxies('fd00::1/128'))).toBe('198.51.100.1');
  });

  it('says once in the log when a peer it does not trust sends X-Forwarded-For', async () => {
    const lines: string[] = [];
    const log = pino({ level: 'warn' }, { write: (line: string) => lines.push(line) });
    const own = createApp({
      modules,
      database,
      log,
      sms: inboxSms(),
      version: 'test',
      sessionDays: 1,
      secureCookies: false,
      trustProxy: trustedProxies('1'),
    });
    const from = (peer: string) =>
      own.request(
        '/api/health',
        { headers: { 'x-forwarded-for': '198.51.100.1' } },
        { incoming: { socket: { remoteAddress: peer } } },
      );
    await from('127.0.0.1');
    expect(lines.filter((l) => l.includes('untrusted peer'))).toHaveLength(0);
    await from('10.0.0.11');
    await from('10.0.0.12');
    const warned = lines.filter((l) => l.includes('untrusted peer'));
    expect(warned).toHaveLength(1);
    expect(JSON.parse(warned[0]!)).toMatchObject({ peer: '10.0.0.11' });
  });
});
