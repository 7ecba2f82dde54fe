import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Logger } from 'pino';

/** How long a stop waits for the requests in flight before it closes their connections. */
export const SHUTDOWN_GRACE_MS = 10_000;

type Fetch = (request: Request, ...rest: never[]) => Response | Promise<Response>;

/**
 * Counts the requests a server is handling, from their arrival until their handler has returned,
 * so that a stop closes the database only once they are done: a request whose client has left
 * still writes (its socket is gone, its handler is not), and closing the database under it would
 * fail a write the client may already count on.
 */
export function requestsInFlight<F extends Fetch>(fetch: F) {
  let handling = 0;
  let idle: Array<() => void> = [];
  const tracked = (async (request: Request, ...rest: never[]) => {
    handling += 1;
    try {
      return await fetch(request, ...rest);
    } finally {
      handling -= 1;
      if (handling === 0) for (const wake of idle.splice(0)) wake();
    }
  }) as F;
  const settled = () =>
    handling === 0 ? Promise.resolve() : new Promise<void>((resolve) => idle.push(resolve));
  return {
    fetch: tracked,
    get handling() {
      return handling;
    },
    /** Resolves once no request is being handled. */
    settled,
    /** Forgets the waiters (after the grace period, nothing waits any more). */
    release() {
      idle = [];
    },
  };
}

/**
 * Stops `server` taking connections, tells each request in flight to close its connection once
 * answered (a keep-alive client would otherwise send its next request into the shutdown, and the
 * idle connection hold the stop until its timeout), and waits up to `graceMs` for the requests
 * to be answered and their handlers done. Past that, what remains is cut and logged.
 */
export function drainingOnStop(server: Server, requests: ReturnType<typeof requestsInFlight>) {
  let stopping = false;
  const open = new Set<ServerResponse>();
  const closeIdle = () => setImmediate(() => server.closeIdleConnections());
  server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    if (stopping) res.shouldKeepAlive = false;
    open.add(res);
    res.once('finish', () => {
      if (stopping) closeIdle();
    });
    res.once('close', () => open.delete(res));
  });
  return async (graceMs: number, log: Logger): Promise<void> => {
    stopping = true;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const res of open) if (!res.headersSent) res.shouldKeepAlive = false;
    server.closeIdleConnections();
    let timer: NodeJS.Timeout | undefined;
    const done = await Promise.race([
      Promise.all([closed, requests.settled()]).then(() => true),
      new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), graceMs);
      }),
    ]);
    clearTimeout(timer);
    if (!done) {
      log.warn(
        { requests: requests.handling, graceMs },
        'requests still in flight at the end of the grace period',
      );
      requests.release();
      server.closeAllConnections();
      await closed;
    }
  };
}
