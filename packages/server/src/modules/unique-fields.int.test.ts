import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test-support/app.js';
import { modules } from './registry.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
});
afterAll(() => t.close());

describe('the fields named for unique indexes', () => {
  it('name indexes the schema has: a request that raced past a check is answered with its field', async () => {
    const named = modules.flatMap((m) => Object.keys(m.uniqueFields ?? {}));
    expect(named.length).toBeGreaterThan(10);
    const res = (await t.database.db.execute(
      sql`select indexname from pg_indexes where schemaname = current_schema()`,
    )) as unknown as { rows: Array<{ indexname: string }> };
    const indexes = new Set(res.rows.map((r) => r.indexname));
    expect(named.filter((name) => !indexes.has(name))).toEqual([]);
  });
});
