import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { GroupCommit, inTransaction, perDatabase } from '../db/group-commit.js';
import { AppError } from '../errors.js';
import { throttleBatches, throttles } from './schema.js';

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

interface Hit {
  key: string;
  windowSeconds: number;
  lazyCommit: boolean;
}

/** What a hit brought its key to: the count, and the seconds until its window runs out. */
interface Counted {
  count: number;
  retry: number;
}

/** How long a grouped batch's token is kept: its answer, if lost, is looked for at once. */
const BATCH_KEPT = '10 minutes';
/** How often a process prunes the tokens past {@link BATCH_KEPT} (each counting would cost a scan). */
const PRUNE_EVERY_MS = 60_000;

/**
 * Counts hits in one statement: the hits on one key are added together, and each hit gets the
 * count it brought the key to, in the order given. A window that has run out starts again. With a
 * `batch` token (a grouped batch), the statement also stores the counts under it, for
 * {@link countedBefore}, and now and then prunes the old ones.
 */
async function countHits(db: Db, hits: Hit[], batch?: { token: string; prune: boolean }): Promise<Counted[]> {
  const perKey = new Map<string, { n: number; secs: number }>();
  for (const h of hits) {
    const k = perKey.get(h.key);
    if (k) k.n++;
    else perKey.set(h.key, { n: 1, secs: h.windowSeconds });
  }
  const rows = JSON.stringify([...perKey].map(([key, { n, secs }]) => ({ key, n, secs })));
  // Rows are locked in key order, so that two processes' batches never wait on each other in a
  // cycle. set_config(..., true) lasts until the end of this statement's own transaction; the commit
  // reads synchronous_commit before the setting is undone. Lazy only when every hit allows it.
  const lazy =
    hits.every((h) => h.lazyCommit) && !inTransaction(db)
      ? sql`, (select set_config('synchronous_commit', 'off', true)) lazy`
      : sql``;
  const recorded = batch
    ? sql`, b as (
      insert into ${throttleBatches} (token, counted)
      select ${batch.token}::uuid, jsonb_agg(jsonb_build_object('key', key, 'count', count, 'reset_at', reset_at))
      from c)${
        batch.prune
          ? sql`, p as (delete from ${throttleBatches}
      where ${throttleBatches.createdAt} < now() - ${BATCH_KEPT}::interval)`
          : sql``
      }`
    : sql``;
  const result = await db.execute(sql`
    with c as (
      insert into ${throttles} (key, count, reset_at)
      select x.key, x.n, now() + make_interval(secs => x.secs)
      from jsonb_to_recordset(${rows}::jsonb) as x(key text, n int, secs int)${lazy}
      order by x.key
      on conflict (key) do update set
        count = case when ${throttles.resetAt} <= now() then excluded.count else ${throttles.count} + excluded.count end,
        reset_at = case when ${throttles.resetAt} <= now() then excluded.reset_at else ${throttles.resetAt} end
      returning key, count, reset_at)${recorded}
    select key, count, ceil(extract(epoch from (reset_at - now())))::int as retry from c`);
  return perHit(hits, (result as unknown as { rows: CountedRow[] }).rows);
}

type CountedRow = Counted & { key: string };

/** Each hit's count, from the counts its batch brought the keys to: hits on one key count up in order. */
function perHit(hits: Hit[], rows: readonly CountedRow[]): Counted[] {
  const counted = new Map(rows.map((r) => [r.key, r]));
  const added = new Map<string, number>();
  for (const h of hits) added.set(h.key, (added.get(h.key) ?? 0) + 1);
  const seen = new Map<string, number>();
  return hits.map((h) => {
    const row = counted.get(h.key)!;
    const before = seen.get(h.key) ?? 0;
    seen.set(h.key, before + 1);
    return { count: row.count - added.get(h.key)! + before + 1, retry: row.retry };
  });
}

/**
 * The counts of the batch stored under `token`, when it committed though its answer was lost;
 * else undefined, and the batch is counted again. The seconds left are counted from now.
 */
async function countedBefore(db: Db, token: string, hits: Hit[]): Promise<Counted[] | undefined> {
  const result = await db.execute(sql`
    select e->>'key' as key, (e->>'count')::int as count,
      ceil(extract(epoch from ((e->>'reset_at')::timestamptz - now())))::int as retry
    from ${throttleBatches} b, jsonb_array_elements(b.counted) e
    where b.token = ${token}::uuid`);
  const rows = (result as unknown as { rows: CountedRow[] }).rows;
  return rows.length > 0 ? perHit(hits, rows) : undefined;
}

/** The grouped counting of one database, pruning old batch tokens at most every {@link PRUNE_EVERY_MS}. */
function groupedCounts(db: Db): GroupCommit<Hit, Counted> {
  let pruned = 0;
  const write = (hits: Hit[], token: string) => {
    const prune = Date.now() - pruned >= PRUNE_EVERY_MS;
    if (prune) pruned = Date.now();
    return countHits(db, hits, { token, prune });
  };
  return new GroupCommit(write, 256, 'throttle', undefined, (token, hits) => countedBefore(db, token, hits));
}

// Hits from concurrent requests share one statement (see GroupCommit): a burst of public
// submissions would otherwise queue on the counter row's lock, one commit at a time. A batch whose
// commit went through unheard is answered from its token, not counted again.
const grouped = perDatabase(groupedCounts);

/**
 * Counts a hit on `key` in a fixed window and answers the count it brought the key to, in one
 * statement: two requests at once never both see the count before either was added.
 */
export async function count(
  db: Db,
  key: string,
  windowSeconds: number,
  options: HitOptions = {},
): Promise<Counted> {
  const one: Hit = { key, windowSeconds, lazyCommit: options.lazyCommit ?? false };
  return inTransaction(db) ? (await countHits(db, [one]))[0]! : await grouped(db).submit(one);
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
  const row = await count(db, key, windowSeconds, options);
  if (row.count > limit) {
    throw new AppError('RATE_LIMITED', `too many attempts; retry in ${row.retry} s`, [], row.retry);
  }
}

export async function reset(db: Db, key: string): Promise<void> {
  await db.delete(throttles).where(sql`${throttles.key} = ${key}`);
}

/** Takes one hit back from `key` in its current window (an attempt that turned out harmless). */
export async function undo(db: Db, key: string): Promise<void> {
  await db.execute(sql`
    update ${throttles} set count = count - 1
    where ${throttles.key} = ${key} and count > 0 and reset_at > now()`);
}
