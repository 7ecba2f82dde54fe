import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import type { AppError } from '../errors.js';
import { createTestDatabase } from '../test-support/db.js';
import { hit } from './throttle.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const refusals = (results: PromiseSettledResult<void>[]) =>
  results.filter((r) => r.status === 'rejected' && (r.reason as AppError).code === 'RATE_LIMITED').length;

describe('hit', () => {
  it('counts concurrent hits on one key exactly: the ones past the limit are refused', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, () => hit(database.db, 'test:burst', 30, 60, { lazyCommit: true })),
    );
    expect(refusals(results)).toBe(10);
    // The refused ones are the last ten asked for, in order.
    expect(results.slice(0, 30).every((r) => r.status === 'fulfilled')).toBe(true);
    const rows = await database.db.execute(sql`select count from throttles where key = 'test:burst'`);
    expect((rows as unknown as { rows: Array<{ count: number }> }).rows[0]?.count).toBe(40);
  });

  it('counts keys of one batch apart, each with its own limit and window', async () => {
    const results = await Promise.allSettled([
      hit(database.db, 'test:a', 1, 60),
      hit(database.db, 'test:b', 2, 3600),
      hit(database.db, 'test:a', 1, 60),
      hit(database.db, 'test:b', 2, 3600),
      hit(database.db, 'test:b', 2, 3600),
    ]);
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'rejected',
    ]);
    const retry = ((results[4] as PromiseRejectedResult).reason as AppError).retryAfterSeconds;
    expect(retry).toBeGreaterThan(3000);
  });

  it('starts a window again once it has run out', async () => {
    await hit(database.db, 'test:window', 1, 60);
    await expect(hit(database.db, 'test:window', 1, 60)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    await database.db.execute(
      sql`update throttles set reset_at = now() - interval '1 second' where key = 'test:window'`,
    );
    await expect(hit(database.db, 'test:window', 1, 60)).resolves.toBeUndefined();
  });

  it('counts inside a caller transaction with that transaction', async () => {
    await database.db
      .transaction(async (tx) => {
        await hit(tx as unknown as Database['db'], 'test:tx', 5, 60);
        throw new Error('roll back');
      })
      .catch(() => undefined);
    const rows = await database.db.execute(
      sql`select count(*)::int as n from throttles where key = 'test:tx'`,
    );
    expect((rows as unknown as { rows: Array<{ n: number }> }).rows[0]?.n).toBe(0);
  });
});
