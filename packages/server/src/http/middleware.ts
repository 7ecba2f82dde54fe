import { getConnInfo } from '@hono/node-server/conninfo';
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Logger } from 'pino';
import { loadPrincipal } from '../auth/service.js';
import type { SmsProvider } from '../auth/sms.js';
import type { Db } from '../db/client.js';
import { AppError } from '../errors.js';
import type { AppEnv } from './env.js';

export const SESSION_COOKIE = 'qx_session';
export const CSRF_HEADER = 'x-csrf-token';

function clientIp(c: Parameters<MiddlewareHandler>[0], trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Request id, per-request logger, signed-in principal and the service context. */
export function contextMiddleware(deps: {
  db: Db;
  log: Logger;
  sms: SmsProvider;
  trustProxy: boolean;
}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && /^[\w.-]{1,64}$/.test(incoming) ? incoming : crypto.randomUUID();
    const log = deps.log.child({ requestId });
    c.set('requestId', requestId);
    c.set('log', log);
    c.header('x-request-id', requestId);
    const token = getCookie(c, SESSION_COOKIE);
    const principal = token ? await loadPrincipal({ db: deps.db }, token) : null;
    c.set('principal', principal);
    c.set('ctx', { db: deps.db, principal, requestId, ip: clientIp(c, deps.trustProxy), log, sms: deps.sms });
    const started = performance.now();
    await next();
    log.info(
      {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
        user: principal?.login,
      },
      'request',
    );
  };
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Synchroniser-token CSRF check: a write that arrives with a session cookie must carry that
 * session's token in a header, which another site's page cannot read or set.
 */
export const csrfMiddleware: MiddlewareHandler<AppEnv> = async (c, next) => {
  const principal = c.get('principal');
  if (!SAFE.has(c.req.method) && principal && c.req.header(CSRF_HEADER) !== principal.csrfToken) {
    throw new AppError('CSRF', 'missing or wrong CSRF token');
  }
  await next();
};
