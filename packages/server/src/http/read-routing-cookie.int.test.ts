import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReadReplica } from '../db/replica.js';
import { createTestContext, silentLog, type TestContext } from '../test-support/app.js';
import { makeUnit } from '../test-support/factories.js';
import { ownWritesUntil } from './read-routing.js';

describe('the read-your-writes cookie’s value', () => {
  const now = 1_800_000_000_000;
  it.each([
    ['a time within the window', String(now + 7_000), now + 7_000],
    ['a time just past, another instance’s clock a little ahead', String(now + 11_000), now + 11_000],
    ['a time far ahead, which no server sets', String(now + 60_000), 0],
    ['the end of time', '99999999999999', 0],
    ['not a plain time', '1e20', 0],
    ['nothing', undefined, 0],
  ])('%s', (_, value, until) => {
    expect(ownWritesUntil(value, 7, now)).toBe(until);
  });
});

/** As read-routing.int.test.ts: the "replica" is the test's database on a read-only connection. */
describe.runIf(!!process.env.DATABASE_URL)('a read-your-writes cookie made by hand', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext({
      seed: [],
      readReplica: async (database) => {
        const url = new URL(database.url!);
        url.searchParams.set('options', '-c default_transaction_read_only=on');
        return openReadReplica({ url: url.toString(), primary: database, maxLagSeconds: 5, log: silentLog });
      },
    });
    await makeUnit(t);
  });
  afterAll(() => t?.close());

  const readFrom = async (cookie?: string) =>
    (
      await t.client().request('GET', '/api/v1/public/audit/checkpoints', undefined, cookie ? { cookie } : {})
    ).headers.get('x-qianxing-read');

  it('keeps reads on the replica when it holds a time no server would set', async () => {
    expect(await readFrom()).toBe('replica');
    expect(await readFrom('qx_rw=99999999999999')).toBe('replica');
    expect(await readFrom(`qx_rw=${Date.now() + 3_600_000}`)).toBe('replica');
    expect(await readFrom('qx_rw=soon')).toBe('replica');
  });

  it('still sends a browser’s reads to the primary for the window after its write', async () => {
    expect(await readFrom(`qx_rw=${Date.now() + 7_000}`)).toBe('primary');
  });
});
