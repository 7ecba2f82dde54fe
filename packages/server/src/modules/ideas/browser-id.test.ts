import { Hono } from 'hono';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/client.js';
import { trustNoProxy } from '../../http/client-address.js';
import type { AppEnv } from '../../http/env.js';
import { contextMiddleware } from '../../http/middleware.js';
import { browserId } from './browser-id.js';

/** An app that gives an anonymous browser its id, with cookies Secure or not as configured. */
function appWith(secureCookies: boolean) {
  const app = new Hono<AppEnv>();
  app.use(
    '/api/*',
    contextMiddleware({
      // No session cookie is sent, so the database is never asked.
      db: {} as Db,
      log: pino({ level: 'silent' }),
      sms: { name: 'none', send: async () => {} },
      trustProxy: trustNoProxy,
      secureCookies,
    }),
  );
  app.get('/api/id', (c) => c.text(browserId(c)));
  return app;
}

describe("an anonymous browser's id cookie", () => {
  it('is Secure when the server is configured for secure cookies', async () => {
    const cookie = (await appWith(true).request('/api/id')).headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^qx_bid=/);
    expect(cookie).toMatch(/;\s*Secure/i);
    expect(cookie).toMatch(/HttpOnly/i);
  });

  it('is not Secure otherwise, so it still works over plain HTTP on a local install', async () => {
    const cookie = (await appWith(false).request('/api/id')).headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^qx_bid=/);
    expect(cookie).not.toMatch(/Secure/i);
  });
});
