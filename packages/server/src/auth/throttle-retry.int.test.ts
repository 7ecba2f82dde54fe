import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDb } from '../db/client.js';
import { createTestDatabase } from '../test-support/db.js';
import { lossyProxy } from '../test-support/lossy-proxy.js';
import { count } from './throttle.js';

/**
 * A grouped batch of hits whose commit went through unheard (the connection dropped after it) is
 * answered from the counts stored under its token, not counted again: written again, each hit
 * would have been added twice and the limit reached early. PostgreSQL only: the embedded
 * database has no connection to lose. The CI script provides it.
 */
let database: Database & { url?: string };
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const stored = async (key: string) => {
  const rows = await database.db.execute(sql`select count from throttles where key = ${key}`);
  return (rows as unknown as { rows: Array<{ count: number }> }).rows[0]?.count;
};

describe.runIf(!!process.env.DATABASE_URL)('a batch of hits whose commit went through unheard', () => {
  it('answers each hit the count it brought the key to, and counts it once', async () => {
    const proxy = await lossyProxy(database.url!);
    const proxied = await openDb({ databaseUrl: proxy.url, poolSize: 2 });
    try {
      proxy.loseAnswerTo('insert into "throttles"');
      const out = await Promise.all([1, 2, 3].map(() => count(proxied.db, 'test:lost', 60)));
      expect(proxy.cuts()).toBe(1);
      expect(out.map((o) => o.count)).toEqual([1, 2, 3]);
      expect(out.every((o) => o.retry > 0 && o.retry <= 60)).toBe(true);
      expect(await stored('test:lost')).toBe(3);
      // A batch of one, which is not written again one by one, is answered all the same.
      proxy.loseAnswerTo('insert into "throttles"');
      expect((await count(proxied.db, 'test:lost', 60)).count).toBe(4);
      expect(proxy.cuts()).toBe(2);
      expect(await stored('test:lost')).toBe(4);
    } finally {
      await proxied.close();
      await proxy.close();
    }
  });
});
