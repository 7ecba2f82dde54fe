import { sql } from 'drizzle-orm';
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
  return aroundFirstTransaction(db, async (open) => {
    await meanwhile();
    return open((fn) => fn);
  });
}

/**
 * `db`, except that `meanwhile` runs once just before the first statement of `db` whose text
 * holds `statement`: after a command's checks, before a write that opens no transaction of its
 * own (a group commit's one statement, db/group-commit.ts), which {@link racing} cannot reach.
 * Statements of `db`'s transactions are not watched.
 */
export function racingStatement(db: Db, statement: string, meanwhile: () => Promise<unknown>): Db {
  let done = false;
  return aroundStatements(db, async (text, run) => {
    if (!done && text.includes(statement)) {
      done = true;
      await meanwhile();
    }
    return run();
  });
}

/**
 * `db`, except that `meanwhile` runs once inside the first transaction, just after its first
 * statement whose SQL `statement` matches: another user's write then commits between a command's
 * read and its write, where only a lock or a write conditioned on what was read keeps it. Needs a
 * second connection, so PostgreSQL only, as {@link racingInside}.
 */
export function racingAfter(db: Db, statement: RegExp, meanwhile: () => Promise<unknown>): Db {
  return aroundFirstTransaction(db, (open) =>
    open((fn) => (tx) => fn(afterStatement(tx, statement, meanwhile))),
  );
}

type Work = (tx: Db) => Promise<unknown>;

/**
 * `db`, except that `meanwhile` runs once inside the first transaction, after its first statement:
 * another user's write then commits within this transaction's span (its start time, its
 * snapshot) and before its own write. It needs a second connection, so PostgreSQL only: on PGlite
 * the other write would wait for this transaction, which waits for it.
 */
export function racingInside(db: Db, meanwhile: () => Promise<unknown>): Db {
  return aroundFirstTransaction(db, (open) =>
    open((fn) => async (tx) => {
      await tx.execute(sql`select 1`);
      await meanwhile();
      return fn(tx);
    }),
  );
}

/**
 * `db`, its first transaction opened through `around`: `open(wrap)` opens it with the command's
 * work as `wrap` makes it, so a helper can act before the transaction, inside it, or before it
 * commits; later transactions run as they are.
 */
function aroundFirstTransaction(
  db: Db,
  around: (open: (wrap: (fn: Work) => Work) => Promise<unknown>) => Promise<unknown>,
): Db {
  let done = false;
  return new Proxy(db, {
    get(target, key, receiver) {
      if (key !== 'transaction') return Reflect.get(target, key, receiver);
      const transaction = target.transaction as (fn: Work, ...rest: unknown[]) => Promise<unknown>;
      return (fn: Work, ...rest: unknown[]) => {
        if (done) return transaction.call(target, fn, ...rest);
        done = true;
        return around((wrap) => transaction.call(target, wrap(fn), ...rest));
      };
    },
  });
}

/**
 * `db`, its first transaction holding its work uncommitted for `patience` ms: `holding` settles
 * once the work is done, so another user's command started then runs while this one's writes (and
 * their row locks) are still open, as when two people act on the same record at the same moment.
 * `committed` settles when that transaction has ended, before whatever the command reads after
 * it, so an order taken from it is the order of the commits. On PGlite (one connection) the other
 * command waits for this transaction, so it never loses.
 */
export function holdingCommit(
  db: Db,
  patience = 500,
): { db: Db; holding: Promise<void>; committed: Promise<void> } {
  let held = () => {};
  const holding = new Promise<void>((resolve) => {
    held = resolve;
  });
  let ended = () => {};
  const committed = new Promise<void>((resolve) => {
    ended = resolve;
  });
  const proxy = aroundFirstTransaction(db, (open) =>
    open((fn) => async (tx) => {
      const result = await fn(tx);
      held();
      await new Promise((resolve) => setTimeout(resolve, patience));
      return result;
    }).finally(ended),
  );
  return { db: proxy, holding, committed };
}

/**
 * Runs `work` on `db`, its first transaction held open once done (`patience` ms), and `change`
 * (another user's write) then: whether the change ended only after that transaction had (it
 * waited for a lock the work held). On PGlite (one connection) every change waits, so only
 * PostgreSQL tells.
 */
export async function waitedForCommit(
  db: Db,
  work: (db: Db) => Promise<unknown>,
  change: () => Promise<unknown>,
  patience = 1500,
): Promise<boolean> {
  const held = holdingCommit(db, patience);
  let ended = false;
  void held.committed.then(() => {
    ended = true;
  });
  const changing = held.holding.then(change).then(() => ended);
  const [, waited] = await Promise.all([work(held.db), changing]);
  return waited;
}

/** What a refused command threw (the problem its route would answer), or undefined. */
export const refusal = (work: Promise<unknown>): Promise<unknown> =>
  work.then(
    () => undefined,
    (e: unknown) => e,
  );

/** Where transactions side by side wait for each other: after their first statement, or before they commit. */
export type Meeting = 'after the first statement' | 'before commit';

/**
 * Commands side by side, each in its own transaction at the same time, without timing luck:
 * each context's first transaction, at `where`, waits until those of the other `parties - 1`
 * contexts have reached the same point, or `patience` ms have passed. One that never comes is
 * waiting for a lock the others hold, which is the guard at work. On PGlite (one connection)
 * the transactions take turns, so each waits out its patience and there is no race to lose.
 */
export function sideBySide(parties: number, where: Meeting, patience = 500) {
  let arrived = 0;
  let everyone = () => {};
  const together = new Promise<void>((resolve) => {
    everyone = resolve;
  });
  const meet = async () => {
    if (++arrived >= parties) everyone();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([together, new Promise((resolve) => (timer = setTimeout(resolve, patience)))]);
    clearTimeout(timer);
  };
  return (ctx: ServiceContext): ServiceContext => ({ ...ctx, db: meeting(ctx.db, where, meet) });
}

/** `db`, its first transaction stopping at `where` for `meet`. */
function meeting(db: Db, where: Meeting, meet: () => Promise<void>): Db {
  return aroundFirstTransaction(db, (open) =>
    open((fn) => async (tx) => {
      if (where === 'after the first statement') return fn(afterStatement(tx, /(?:)/, meet));
      const result = await fn(tx);
      await meet();
      return result;
    }),
  );
}

/** `tx`, waiting for `meet` once its first statement whose SQL `statement` matches has run. */
function afterStatement(tx: Db, statement: RegExp, meet: () => Promise<unknown>): Db {
  let first = true;
  return aroundStatements(tx, async (text, run) => {
    const result = await run();
    if (first && statement.test(text)) {
      first = false;
      await meet();
    }
    return result;
  });
}

/**
 * `db`, each of its statements run through `around` (given the statement's text). Every
 * statement of the query builder, and every `execute`, runs through the handle's session
 * (`prepareQuery`), which this wraps.
 */
function aroundStatements(
  db: Db,
  around: (text: string, run: () => Promise<unknown>) => Promise<unknown>,
): Db {
  const session = new Proxy(Reflect.get(db, 'session') as object, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (key !== 'prepareQuery' || typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const prepared = value.apply(receiver, args) as { execute: (...a: unknown[]) => Promise<unknown> };
        const execute = prepared.execute.bind(prepared);
        const text = (args[0] as { sql?: string } | undefined)?.sql ?? '';
        prepared.execute = (...a: unknown[]) => around(text, () => execute(...a));
        return prepared;
      };
    },
  });
  return new Proxy(db, {
    get: (target, key, receiver) => (key === 'session' ? session : Reflect.get(target, key, receiver)),
  });
}
