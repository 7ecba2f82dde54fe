import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { createTestDatabase } from '../test-support/db.js';
import { migrateFrom, migrationsBefore } from '../test-support/migrations.js';

const rowsOf = async (database: Database) =>
  (
    (await database.db.execute(
      sql`select phone, purpose from verification_codes order by purpose`,
    )) as unknown as { rows: Array<{ phone: string; purpose: string }> }
  ).rows;

describe('migration 0038: phone codes per purpose', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
    await migrateFrom(database, migrationsBefore('0038_phone_codes_per_purpose'));
    // A code pending as the migration runs, kept then per phone alone.
    await database.db.execute(sql`insert into verification_codes (phone, code_hash, attempts, expires_at)
      values ('13900009999', 'hash-of-some-purpose', 0, now() + interval '10 minutes')`);
    await database.migrate();
  });
  afterAll(() => database.close());

  it('drops the codes pending at the time, whose purpose is not known, and keeps one code per phone and purpose', async () => {
    expect(await rowsOf(database)).toEqual([]);
    for (const purpose of ['recover', 'register'])
      await database.db.execute(sql`insert into verification_codes (phone, purpose, code_hash, expires_at)
        values ('13900009999', ${purpose}, ${`hash-${purpose}`}, now() + interval '10 minutes')`);
    expect(await rowsOf(database)).toEqual([
      { phone: '13900009999', purpose: 'recover' },
      { phone: '13900009999', purpose: 'register' },
    ]);
    await expect(
      database.db.execute(sql`insert into verification_codes (phone, purpose, code_hash, expires_at)
        values ('13900009999', 'recover', 'again', now() + interval '10 minutes')`),
    ).rejects.toThrow();
  });
});
