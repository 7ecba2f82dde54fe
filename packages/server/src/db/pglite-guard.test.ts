import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDb } from './client.js';
import { QueryBesideTransactionError } from './pglite-guard.js';
import { transaction } from './transaction.js';

describe('PGlite: a query beside an open transaction, from inside it', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDb({ dataDir: 'memory://' });
  });
  afterAll(() => database.close());

  it('fails at once instead of waiting for the transaction forever', async () => {
    const outcome = transaction(database.db, async (tx) => {
      await tx.execute(sql`select 1`);
      await database.db.execute(sql`select 2`);
    });
    // drizzle wraps a failed query's error in its own, keeping it as the cause.
    await expect(outcome).rejects.toMatchObject({ cause: expect.any(QueryBesideTransactionError) });
  });

  it('also refuses a second transaction opened from inside the first', async () => {
    const outcome = transaction(database.db, () => transaction(database.db, async () => {}));
    await expect(outcome).rejects.toThrow(QueryBesideTransactionError);
  });

  it('leaves the database usable afterwards, and concurrent work waits its turn as before', async () => {
    const slow = transaction(database.db, async (tx) => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      return tx.execute(sql`select 1 as one`);
    });
    const beside = database.db.execute(sql`select 2 as two`);
    await expect(Promise.all([slow, beside])).resolves.toHaveLength(2);
  });

  it('lets work a transaction started run on after it ended', async () => {
    let later: Promise<unknown> = Promise.resolve();
    await transaction(database.db, async () => {
      later = new Promise((resolve) => setTimeout(resolve, 20)).then(() =>
        database.db.execute(sql`select 3`),
      );
    });
    await expect(later).resolves.toBeDefined();
  });
});
