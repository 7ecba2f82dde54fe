import { randomUUID } from 'node:crypto';
import { PgTransaction } from 'drizzle-orm/pg-core';
import { groupCommitBatchSize } from '../metrics/process.js';
import type { Db } from './client.js';

/**
 * Group commit: writes that arrive while another is on its way to the database wait and then go
 * together, as one statement in one transaction, instead of one round trip and one commit each.
 * Each caller's promise settles only after its batch has committed, so an acknowledged write is
 * as durable as before. When a batch fails, its items are written again one by one, so that one
 * bad item fails alone and the others still commit.
 *
 * A batch may fail after all: its commit reached the database and only the answer was lost (the
 * connection dropped). Its items, written again, then meet their own rows. So an item whose
 * writing failed is looked for with `stored`, which answers its result when the very same write
 * is in the database (the writer's own id and content), and the item succeeds with it. A write
 * that meets nothing of its own when written again (a counter adds the same hits twice) records
 * instead each batch under the token it is given, which `storedBatch` looks for before the batch
 * is written again: found, the batch's answers are the stored ones and nothing is written twice.
 *
 * Written here rather than taken from a library: DataLoader-like batchers collect only within
 * one tick and are made for reads; this one keeps collecting while a write is in flight (which
 * is what makes batches grow with load) and isolates a failing item.
 */
/** The drains under way in this process, whatever their committer. */
const draining = new Set<Promise<void>>();

/**
 * Resolves true once no group commit of this process is writing: a stop closes the database only
 * then, so that a batch on its way is neither cut nor left unanswered. After `withinMs` it resolves
 * false instead (a database that stopped answering must not hold the stop for ever); the batches
 * still writing then fail on the closed database, and their callers with them, unanswered as
 * written, since a caller's promise settles only once its batch has committed.
 */
export async function groupCommitsSettled(withinMs = Number.POSITIVE_INFINITY): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (draining.size > 0) {
    const left = deadline - Date.now();
    if (left <= 0) return false;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      if (Number.isFinite(left)) timer = setTimeout(() => resolve('late'), left);
    });
    const settled = await Promise.race([Promise.all(draining).then(() => 'settled' as const), late]);
    clearTimeout(timer);
    if (settled === 'late') return false;
  }
  return true;
}

/** How many group commits of this process are writing (for the log of a stop that cut them). */
export const groupCommitsWriting = (): number => draining.size;

export class GroupCommit<In, Out> {
  private queue: Array<{ item: In; resolve: (out: Out) => void; reject: (error: unknown) => void }> = [];
  private draining = false;

  /**
   * @param write writes a batch in one transaction, returning one result per item, in order;
   * `batch` is a token made for this attempt alone
   * @param maxBatch most items in one batch (bounds the statement's size)
   * @param name the committer's name in the batch-size metric
   * @param stored the result of an item found already written, or undefined when it is not
   * @param storedBatch the results of the attempt `batch` found committed, or undefined when it is not
   */
  constructor(
    private readonly write: (items: In[], batch: string) => Promise<Out[]>,
    private readonly maxBatch = 256,
    private readonly name = 'write',
    private readonly stored?: (item: In) => Promise<Out | undefined>,
    private readonly storedBatch?: (batch: string, items: In[]) => Promise<Out[] | undefined>,
  ) {}

  /** Resolves with the item's result once its batch has committed. */
  submit(item: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (this.draining) return;
      // One batch in flight at a time: a second one would halve the batches, and each commit
      // costs the database more than the rows it carries. Requests parsed in the same turn of
      // the event loop join the same batch.
      this.draining = true;
      const drained = new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.drain());
      draining.add(drained);
      void drained.finally(() => draining.delete(drained));
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      groupCommitBatchSize.observe({ committer: this.name }, batch.length);
      try {
        const out = await this.attempt(batch.map((b) => b.item));
        for (const [i, b] of batch.entries()) b.resolve(out[i]!);
      } catch (error) {
        if (batch.length === 1) await this.settleFailed(batch[0]!, error);
        else await this.oneByOne(batch);
      }
    }
    this.draining = false;
  }

  private async oneByOne(batch: typeof this.queue): Promise<void> {
    for (const b of batch) {
      try {
        const [out] = await this.attempt([b.item]);
        b.resolve(out!);
      } catch (error) {
        await this.settleFailed(b, error);
      }
    }
  }

  /**
   * Writes the items once, under a token of their own. When the writing fails, the batch may have
   * committed all the same: if `storedBatch` finds the token, its answers are the batch's.
   */
  private async attempt(items: In[]): Promise<Out[]> {
    const batch = randomUUID();
    try {
      return await this.write(items, batch);
    } catch (error) {
      const found = this.storedBatch
        ? await this.storedBatch(batch, items).catch(() => undefined)
        : undefined;
      if (found === undefined) throw error;
      return found;
    }
  }

  /** An item whose writing failed succeeds if it was stored all the same, else fails with `error`. */
  private async settleFailed(b: (typeof this.queue)[number], error: unknown): Promise<void> {
    const found = this.stored ? await this.stored(b.item).catch(() => undefined) : undefined;
    if (found === undefined) b.reject(error);
    else b.resolve(found);
  }
}

/** One group committer per database handle (tests open several databases in one process). */
export function perDatabase<Key extends object, In, Out>(
  make: (key: Key) => GroupCommit<In, Out>,
): (key: Key) => GroupCommit<In, Out> {
  const byKey = new WeakMap<Key, GroupCommit<In, Out>>();
  return (key) => {
    let committer = byKey.get(key);
    if (!committer) {
      committer = make(key);
      byKey.set(key, committer);
    }
    return committer;
  };
}

/**
 * Whether a handle is a caller's open transaction, whose writes must commit with it and so cannot
 * join a group. Typed `boolean` rather than as a type predicate, which would narrow away `Db`.
 */
export const inTransaction = (db: Db): boolean => db instanceof PgTransaction;
