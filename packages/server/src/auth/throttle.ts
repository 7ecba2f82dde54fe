import { sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.js';
import { AppError } from '../errors.js';
import { throttles } from './schema.js';

export interface HitOptions {
  /**
   * Commit the count without waiting for the write-ahead log to reach disk. Every process still
   * sees the count at once; a database crash may forget the last fraction of a second of hits.
   * The counter row is a hot spot when one address submits a lot (its row lock is held until
   * commit), so this lets hits on it follow each other without a disk flush in between. Ignored
   * inside a transaction, which the setting would cover as a whole.
   */
  lazyCommit?: boolean;
}

/**
 * Counts a hit on `key` in a fixed window and refuses once `limit` is passed. The counter lives
 * in the database so that every app process behind a load balancer sees the same count.
 */
export async function hit(
  db: Db,
  key: string,
  limit: number,
  windowSeconds: number,
  options: HitOptions = {},
): Promise<void> {
  // set_config(..., true) lasts until the end of this statement's own transaction; the commit
  // reads synchronous_commit before the setting is undone.
  const source =
    options.lazyCommit && !(db instanceof PgTransaction)
      ? sql`select ${key}, 1, now() + make_interval(secs => ${windowSeconds})
        from (select set_config('synchronous_commit', 'off', true)) lazy`
      : sql`values (${key}, 1, now() + make_interval(secs => ${windowSeconds}))`;
  const result = await db.execute<{ count: number; retry: number }>(sql`
    insert into ${throttles} (key, count, reset_at)
    ${source}
    on conflict (key) do update set
      count = case when ${throttles.resetAt} <= now() then 1 else ${throttles.count} + 1 end,
      reset_at = case when ${throttles.resetAt} <= now()
        then now() + make_interval(secs => ${windowSeconds}) else ${throttles.resetAt} end
    returning count, ceil(extract(epoch from (reset_at - now())))::int as retry`);
  const row = (result as unknown as { rows: Array<{ count: number; retry: number }> }).rows[0];
  if (row && row.count > limit) {
    throw new AppError('RATE_LIMITED', `too many attempts; retry in ${row.retry} s`, [], row.retry);
  }
}

export async function reset(db: Db, key: string): Promise<void> {
  await db.delete(throttles).where(sql`${throttles.key} = ${key}`);
}

/** True when `key` is already over its limit, without counting a hit. */
export async function isBlocked(db: Db, key: string, limit: number): Promise<number | null> {
  const result = await db.execute<{ retry: number }>(sql`
    select ceil(extract(epoch from (reset_at - now())))::int as retry from ${throttles}
    where key = ${key} and reset_at > now() and count >= ${limit}`);
  const row = (result as unknown as { rows: Array<{ retry: number }> }).rows[0];
  return row ? row.retry : null;
}
