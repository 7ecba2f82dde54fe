import { IncomingMessage } from 'node:http';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { limits } from '@qianxing/core/limits';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie } from 'hono/cookie';
import { routePath } from 'hono/route';
import type { Logger } from 'pino';
import { allowedBeforePasswordChange } from '../auth/before-password-change.js';
import { loadPrincipal } from '../auth/service.js';
import type { SmsProvider } from '../auth/sms.js';
import type { Db } from '../db/client.js';
import { AppError } from '../errors.js';
import { bodyStalled, defaultBodyIdleMs, readWithin, withIdleBody } from './body-read.js';
import { clientAddress, type TrustProxy, trustNoProxy } from './client-address.js';
import type { AppEnv } from './env.js';
import { pickLocale } from './problem.js';

export const SESSION_COOKIE = 'qx_session';
export const CSRF_HEADER = 'x-csrf-token';

/** Whether an app has said that a peer it does not trust sent X-Forwarded-For: once is enough. */
interface Warned {
  untrustedForward: boolean;
}

function clientIp(
  c: Parameters<MiddlewareHandler>[0],
  trustProxy: TrustProxy,
  log: Logger,
  warned: Warned,
): string {
  let peer: string | undefined;
  try {
    peer = getConnInfo(c).remote.address;
  } catch {
    // A request handed to the app in-process has no socket.
  }
  const forwardedFor = c.req.header('x-forwarded-for');
  // With proxies configured, a proxy the list misses (nginx moved to another machine, a setting
  // of `1` kept from when it meant every peer) makes every client share its address: said once.
  if (forwardedFor && trustProxy !== trustNoProxy && !trustProxy(peer) && !warned.untrustedForward) {
    warned.untrustedForward = true;
    log.warn(
      { peer },
      'x-forwarded-for from an untrusted peer: list it in QIANXING_TRUST_PROXY if it is a proxy',
    );
  }
  return clientAddress(peer, forwardedFor, trustProxy);
}

/**
 * The request id: the one the proxy in front passes on (nginx's own, or its client's), when it is
 * 1 to 64 letters, digits and . _ : - (a UUID, nginx's hex, a tracing id's parts), else a fresh
 * one. It goes into every log line and problem body, so a client's newline, markup or megabyte
 * never does.
 */
export function requestIdFrom(header: string | undefined): string {
  return header && /^[A-Za-z0-9._:-]{1,64}$/.test(header) ? header : crypto.randomUUID();
}

/** Request id, per-request logger, signed-in principal and the service context. */
export function contextMiddleware(deps: {
  db: Db;
  log: Logger;
  sms: SmsProvider;
  trustProxy: TrustProxy;
  secureCookies: boolean;
}): MiddlewareHandler<AppEnv> {
  const warned: Warned = { untrustedForward: false };
  return async (c, next) => {
    const requestId = requestIdFrom(c.req.header('x-request-id'));
    const log = deps.log.child({ requestId });
    c.set('requestId', requestId);
    c.set('log', log);
    c.set('secureCookies', deps.secureCookies);
    c.header('x-request-id', requestId);
    const token = getCookie(c, SESSION_COOKIE);
    const principal = token ? await loadPrincipal({ db: deps.db }, token) : null;
    c.set('principal', principal);
    const locale = pickLocale(c.req.header('accept-language'));
    c.set('ctx', {
      db: deps.db,
      principal,
      requestId,
      locale,
      ip: clientIp(c, deps.trustProxy, log, warned),
      log,
      sms: deps.sms,
    });
    const started = performance.now();
    await next();
    log.info(
      {
        method: c.req.method,
        // The route as declared (`/api/v1/auth/invitations/:token`), never the path as sent: an
        // invitation's token and a suggestion's tracking code are secrets that travel in paths.
        route: routePath(c),
        status: c.res.status,
        ms: Math.round(performance.now() - started),
        // The account's id, never its login: a citizen's login is their phone number.
        userId: principal?.userId,
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

/**
 * Holds an account to replacing a password someone else set before it does anything else: a
 * password an admin read out or handed over is known to more than its owner.
 */
export const passwordChangeMiddleware: MiddlewareHandler<AppEnv> = async (c, next) => {
  const principal = c.get('principal');
  if (principal?.mustChangePassword && !allowedBeforePasswordChange(c.req.method, c.req.path)) {
    throw new AppError('PASSWORD_CHANGE_REQUIRED', 'change the password you were given first');
  }
  await next();
};

/** Bodies up to this size are read whole before the route (`bodyLimitMiddleware`). */
const readWholeBytes = limits.jsonBytes;

/** The OpenAPI routes of an app, as its registry lists them. */
type Definitions = OpenAPIHono<AppEnv>['openAPIRegistry']['definitions'];

/**
 * Which requests go to a route that takes a file (an attachment, an import): one whose documented
 * request body is other than JSON (a form with a file, a workbook, a CSV). Read from the routes'
 * own OpenAPI definitions, so a new upload route needs no list kept here.
 */
export function uploadRoutesOf(definitions: Definitions): (method: string, path: string) => boolean {
  const literal = (text: string) => text.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
  const routes = definitions.flatMap((d) => {
    if (d.type !== 'route') return [];
    const types = Object.keys(d.route.request?.body?.content ?? {});
    if (!types.some((type) => !type.includes('json'))) return [];
    const pattern = d.route.path
      .split(/\{[^/}]+\}/)
      .map(literal)
      .join('[^/]+');
    return [{ method: d.route.method.toUpperCase(), path: new RegExp(`^${pattern}$`) }];
  });
  return (method, path) => routes.some((r) => r.method === method && r.path.test(path));
}

/**
 * The most a request may send, judged before the body is read: anonymous requests, and anything
 * sent to the public and sign-in routes, only small JSON; an account's requests JSON up to
 * `json`, and a file up to `upload` to a route that takes one.
 */
export function bodyLimitFor(
  sizes: { upload: number; json: number; public: number },
  takesFile: (method: string, path: string) => boolean,
) {
  return (c: Context<AppEnv>): number => {
    if (!c.get('principal') || /^\/api\/v1\/(public|auth)\//.test(c.req.path)) return sizes.public;
    return takesFile(c.req.method, c.req.path) ? sizes.upload : sizes.json;
  };
}

/**
 * Refuses request bodies over `maxSize` bytes. A body with a declared length is judged by its
 * header alone (Node's parser never reads past that length), so the body stays unread and the
 * route reads it straight from the socket. A chunked body is counted as it arrives and handed on
 * as `rawBody`, which the Node adapter reads in place of the socket; Hono's own limit builds a
 * web Request and stream for every request, and under the Node adapter never finishes reading a
 * chunked body. Outside Node (tests calling `app.request`) Hono's limit does the counting.
 *
 * Under Node each part of a body is awaited for at most `idleMs` (body-read.ts): a body that stops
 * arriving is answered 408 `REQUEST_TIMEOUT` and its connection closed, however the route reads it.
 */
export function bodyLimitMiddleware(
  maxSizeOf: (c: Context<AppEnv>) => number,
  idleMs = defaultBodyIdleMs,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const maxSize = maxSizeOf(c);
    const tooLarge = () => {
      throw new AppError('PAYLOAD_TOO_LARGE', `at most ${maxSize} bytes`);
    };
    // Only a request the Node adapter read from a socket has a body to read there; a test's
    // `app.request` may hand over a bare object for the client's address alone.
    const given = (c.env as { incoming?: unknown } | undefined)?.incoming;
    const incoming =
      given instanceof IncomingMessage ? (given as IncomingMessage & { rawBody?: Buffer }) : undefined;
    // Kept for the error handler: a reader may word the failure its own way (a form that does not parse).
    const stalled = () => {
      const error = bodyStalled(idleMs);
      c.set('bodyStalled', error);
      return error;
    };
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      if (Number(length) > maxSize) tooLarge();
      if (!incoming || Number(length) === 0 || SAFE.has(c.req.method)) return next();
      // A small body (JSON, a form of a few fields) is read whole here, where the adapter finds it
      // without a web Request built around the socket (the public submission's path); a large one
      // (an upload, an import) stays a stream its reader pulls, each part awaited for `idleMs`.
      if (Number(length) > readWholeBytes) c.req.raw = withIdleBody(c.req.raw, incoming, idleMs, stalled);
      else incoming.rawBody = (await readWithin(incoming, maxSize, idleMs, stalled)) ?? tooLarge();
      return next();
    }
    if (SAFE.has(c.req.method)) return next();
    if (!incoming) return bodyLimit({ maxSize, onError: tooLarge })(c, next);
    const body = await readWithin(incoming, maxSize, idleMs, stalled);
    if (!body) tooLarge();
    incoming.rawBody = body!;
    return next();
  };
}
