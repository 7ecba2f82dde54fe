import type { MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { ReadReplica } from '../db/replica.js';
import type { AppEnv } from './env.js';

/**
 * Reads that may lag the primary by the replica's bound: public pages (except a tracking code's
 * look-up, which a submitter makes right after submitting, perhaps on another device),
 * dashboards, the regional report and every export. Everything else, and every write, uses the
 * primary.
 */
const LAG_TOLERANT = [
  /^\/api\/v1\/public\/(?!track\/)/,
  /^\/api\/v1\/.+\/export$/,
  /^\/api\/v1\/ideas\/stats$/,
  /^\/api\/v1\/business\/investment-dashboard$/,
  /^\/api\/v1\/targets\/evaluation\/summary$/,
  /^\/api\/v1\/targets\/regional\/report(\.html|\.xlsx)?$/,
];

/** Requests sent by POST that write nothing (a look-up whose text is too long for an address). */
const READS_BY_POST = [/^\/api\/v1\/public\/suggestions\/similar$/];

export const mayLag = (method: string, path: string) =>
  (method === 'GET' || method === 'HEAD') && LAG_TOLERANT.some((p) => p.test(path));

/** Set after a successful write: until it expires, this browser reads from the primary. */
export const READ_OWN_WRITES_COOKIE = 'qx_rw';

/** How long after a write its browser reads from the primary: the replica's lag bound and 2 s. */
const ownWritesSeconds = (replica: ReadReplica) => Math.ceil(replica.status().maxLagSeconds) + 2;

/** How far another instance's clock may run ahead of this one's. */
const clockSkewMs = 5_000;

/**
 * Until when the cookie keeps this browser's reads on the primary. The browser can set the cookie
 * itself, which gains it nothing but reads from the primary (the same data, under the same
 * rights); any anonymous write earns a genuine one for a few seconds. What is refused is a cookie
 * no server set: not a plain time, or further ahead than a server ever sets it (`windowSeconds`,
 * with another instance's clock a little ahead), so a hand-made cookie cannot keep a browser's
 * reads off the replica for good.
 */
export function ownWritesUntil(value: string | undefined, windowSeconds: number, now = Date.now()): number {
  if (!value || !/^\d{1,15}$/.test(value)) return 0;
  const until = Number(value);
  return until <= now + windowSeconds * 1000 + clockSkewMs ? until : 0;
}

/**
 * Sends lag-tolerant reads to the replica while it answers within its bound. After a browser's
 * successful write its reads go to the primary for as long as the replica may lag, so a citizen
 * who supports a suggestion sees their support counted, and an organiser their edit in the export.
 * The response says where it was read (`x-qianxing-read`), for operators and the cluster's test.
 */
export function readRouting(
  replica: ReadReplica,
  options: { secureCookies: boolean },
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const method = c.req.method;
    if (mayLag(method, c.req.path)) {
      const ctx = c.get('ctx');
      const until = ownWritesUntil(getCookie(c, READ_OWN_WRITES_COOKIE), ownWritesSeconds(replica));
      const { db, from } = until > Date.now() ? { db: ctx.db, from: 'primary' } : replica.reader();
      c.set('ctx', { ...ctx, db, primaryDb: ctx.db });
      c.header('x-qianxing-read', from);
      return next();
    }
    await next();
    // Signing in writes a session, which no lag-tolerant page shows. The similar suggestions the
    // submit form asks for while a citizen types write nothing: they must not pin the browser's
    // reads to the primary for the whole time the form is open.
    const path = c.req.path;
    const wrote =
      method !== 'GET' &&
      method !== 'HEAD' &&
      method !== 'OPTIONS' &&
      c.res.status < 400 &&
      !path.startsWith('/api/v1/auth/') &&
      !READS_BY_POST.some((p) => p.test(path));
    if (wrote) {
      const seconds = ownWritesSeconds(replica);
      setCookie(c, READ_OWN_WRITES_COOKIE, String(Date.now() + seconds * 1000), {
        path: '/api',
        httpOnly: true,
        sameSite: 'Lax',
        secure: options.secureCookies,
        maxAge: seconds,
      });
    }
  };
}
