import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../../http/env.js';

const BROWSER_COOKIE = 'qx_bid';

/**
 * A random id kept in a cookie of an anonymous browser, which with the address tells one
 * person's support or survey answer from another's. Signed-in people are told apart by account.
 */
export function browserId(c: Context<AppEnv>): string {
  let id = getCookie(c, BROWSER_COOKIE);
  if (!c.get('principal') && (!id || !/^[\w-]{16,64}$/.test(id))) {
    id = crypto.randomUUID();
    setCookie(c, BROWSER_COOKIE, id, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: c.get('secureCookies'),
      path: '/api',
      maxAge: 31_536_000,
    });
  }
  return id ?? '';
}

/**
 * Who an anonymous person is, for "once per person": the browser id and the address together
 * (the cookie alone is easy to clear, the address alone is shared by a whole office).
 */
export function anonymousFingerprint(browserId: string, ip: string | undefined): string {
  return createHash('sha256')
    .update(`${browserId}|${ip ?? ''}`)
    .digest('base64url')
    .slice(0, 32);
}

/**
 * What an anonymous supporter is known by, each on its own: the browser id (the same browser on
 * another network) and the address (the same network after the cookie was cleared). Hashed, so
 * the table holds neither the cookie nor the address as given.
 */
export function anonymousSupporter(browserId: string, ip: string | undefined) {
  const hash = (value: string) => createHash('sha256').update(value).digest('base64url').slice(0, 32);
  return { fingerprint: hash(`browser|${browserId}`), address: hash(`address|${ip ?? 'unknown'}`) };
}
