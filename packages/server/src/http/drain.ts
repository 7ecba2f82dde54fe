import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Logger } from 'pino';

/**
 * How long a stop waits, once the database is closed, for the requests still running to be
 * answered: each fails at its next query and is answered 503 at once, so this only bounds one
 * stuck on something else.
 */
export const ANSWERED_AFTER_CLOSE_MS = 2_000;

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
    /** Forgets the waiters (once the stop has cut the connections, nothing waits any more). */
    release() {
      idle = [];
    },
  };
}

/** Whether `work` settles within `ms`. */
async function within(ms: number, work: Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const done = await Promise.race([
    work.then(() => true),
    new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), ms);
    }),
  ]);
  clearTimeout(timer);
  return done;
}

/**
 * A server's stop in two steps. `drain` stops `server` taking connections, tells each request in
 * flight to close its connection once answered (a keep-alive client would otherwise send its next
 * request into the shutdown, and the idle connection hold the stop until its timeout), and waits up
 * to the grace for the requests to be answered and their handlers done. What still runs then keeps
 * its connection, so that once the database is closed under it its 503 reaches the client: `end`
 * waits for those answers, and only past `ANSWERED_AFTER_CLOSE_MS` cuts what remains.
 */
export function drainingOnStop(server: Server, requests: ReturnType<typeof requestsInFlight>) {
  let stopping = false;
  let closed: Promise<void> = Promise.resolve();
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
  const answered = () => Promise.all([closed, requests.settled()]);
  return {
    /** Resolves true when every request was answered within `graceMs`, false when some still run. */
    async drain(graceMs: number, log: Logger): Promise<boolean> {
      stopping = true;
      closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const res of open) if (!res.headersSent) res.shouldKeepAlive = false;
      server.closeIdleConnections();
      const done = await within(graceMs, answered());
      if (!done)
        log.warn(
          { requests: requests.handling, graceMs },
          'requests still in flight at the end of the grace period',
        );
      return done;
    },
    /** Waits for the last answers (the database closed) and cuts the connections still open after that. */
    async end(log: Logger): Promise<void> {
      if (await within(ANSWERED_AFTER_CLOSE_MS, answered())) return;
      log.warn({ requests: requests.handling }, 'requests unanswered after the database was closed');
      requests.release();
      server.closeAllConnections();
      await closed;
    },
  };
}
