import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { errorForLog } from '../log.js';
import { createTestDatabase } from '../test-support/db.js';
import { capturedLog } from '../test-support/quiet.js';
import { createApp } from './app.js';

/** A failed query carries what people typed; the error log must keep none of it. */
const personal = '王小明 13812345678';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

async function failedQuery(): Promise<unknown> {
  try {
    await database.db.execute(sql`select ${personal}::int as n`);
  } catch (error) {
    return error;
  }
  throw new Error('the query should have failed');
}

describe('errorForLog', () => {
  it('keeps the kind, SQLSTATE and statement of a failed query, never its parameters or the refused value', async () => {
    const error = await failedQuery();
    expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).toContain('13812345678');
    const logged = errorForLog(error);
    const text = JSON.stringify(logged);
    expect(text).not.toContain('13812345678');
    expect(text).not.toContain('王小明');
    expect(text).toContain('select $1::int');
    expect(text).toContain('22P02');
    expect(logged.stack).toMatch(/\n\s+at /);
  });

  it('logs what is not an Error by its type alone', () => {
    expect(errorForLog(personal)).toEqual({ type: 'string' });
  });
});

describe('the unhandled-error log of the app', () => {
  it('answers INTERNAL and logs the error without the personal data in its query', async () => {
    const { log, lines } = capturedLog('error');
    // No module: the failing route is the test's own.
    const app = createApp({
      modules: [],
      database,
      log,
      sms: { name: 'none', send: async () => {} },
      version: 'test',
      sessionDays: 1,
      secureCookies: false,
    });
    app.get('/api/v1/failing-query', async (c) =>
      c.json(await database.db.execute(sql`select ${personal}::int`)),
    );
    const res = await app.request('/api/v1/failing-query');
    expect(res.status).toBe(500);
    expect(JSON.stringify(await res.json())).not.toContain('13812345678');
    const logged = lines.join('');
    expect(logged).toContain('unhandled error');
    expect(logged).toContain('22P02');
    expect(logged).not.toContain('13812345678');
    expect(logged).not.toContain('王小明');
  });
});
