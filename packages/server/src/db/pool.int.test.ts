import { sql } from 'drizzle-orm';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test-support/db.js';

// PostgreSQL only: the embedded database has no connections to lose. The CI script provides it.
describe.runIf(!!process.env.DATABASE_URL)('the PostgreSQL pool', () => {
  it('outlives an idle connection the server terminates', async () => {
    const database = await createTestDatabase();
    const name = new URL(database.url!).pathname.slice(1);
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    const connections = async () =>
      Number(
        (await admin.query('select count(*) as n from pg_stat_activity where datname = $1', [name])).rows[0]
          .n,
      );
    try {
      await Promise.all([1, 2, 3].map(() => database.db.execute(sql`select pg_sleep(0.05)`)));
      expect(await connections()).toBeGreaterThan(0);
      await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [name]);
      await new Promise((r) => setTimeout(r, 200));
      const rows = await database.db.execute(sql`select 1 as one`);
      expect((rows as unknown as { rows: Array<{ one: number }> }).rows[0]?.one).toBe(1);
    } finally {
      await database.close();
      admin.end().catch(() => undefined);
    }
  });
});
