import { loadPrincipal } from '../auth/service.js';
import type { ServiceContext } from '../context.js';
import type { Db } from '../db/client.js';
import { SESSION_COOKIE } from '../http/middleware.js';
import type { TestClient, TestContext } from './app.js';
import { silentLog } from './quiet.js';

/** The context a request of `client` (signed in) runs in, for calling a command directly. */
export async function contextOf(t: TestContext, client: TestClient): Promise<ServiceContext> {
  const cookie = (client as unknown as { cookie: string }).cookie;
  const token = new URLSearchParams(cookie.replaceAll('; ', '&')).get(SESSION_COOKIE);
  if (!token) throw new Error('the client is not signed in');
  const { db } = t.database;
  return { db, principal: await loadPrincipal({ db }, token), log: silentLog, sms: t.sms };
}

/**
 * `db`, except that `meanwhile` (another user's write) runs once just before the first
 * transaction opens: after a command's checks, before its write. It is how the tests put a race
 * where it hurts without timing luck; a module mock cannot, since the server tests share their
 * modules between files.
 */
export function racing(db: Db, meanwhile: () => Promise<unknown>): Db {
  let done = false;
  return new Proxy(db, {
    get(target, key, receiver) {
      if (key !== 'transaction') return Reflect.get(target, key, receiver);
      return async (...args: Parameters<Db['transaction']>) => {
        if (!done) {
          done = true;
          await meanwhile();
        }
        return target.transaction(...args);
      };
    },
  });
}

/** What a refused command threw (the problem its route would answer), or undefined. */
export const refusal = (work: Promise<unknown>): Promise<unknown> =>
  work.then(
    () => undefined,
    (e: unknown) => e,
  );
