import { calendarWithLoaded } from '@qianxing/core/calendar';
import { inArray } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../db/client.js';
import { type Tx, transaction } from '../../db/transaction.js';
import { type CalendarChange, changedFrom } from '../../kernel/deadline-recount.js';
import type { TestClient, TestContext } from '../../test-support/app.js';
import { year2027 } from '../../test-support/year-2027.js';
import { recountRequestDeadlines } from './deadline-recount.js';
import { businessRequests } from './schema.js';
import { noon, requestParties, routedRequest } from './test-helpers.js';

/**
 * The firms' requests counted again for 2027's notice take their locks in one statement for the
 * open rectifications and one for the requests, however many requests wait: a year's loading runs
 * in one transaction, which holds the calendar while it counts.
 */
let t: TestContext;
let firm: TestClient;
let office: TestClient;
let d01: string;

beforeAll(async () => {
  ({ t, firm, office, d01 } = await requestParties());
});
afterEach(() => {
  vi.useRealTimers();
});
afterAll(() => t.close());

const loading2027: CalendarChange = {
  year: 2027,
  from: changedFrom(2027, year2027),
  before: calendarWithLoaded([]),
  after: calendarWithLoaded([year2027]),
};

/** A request routed to QJ-D01 on 31 December with 10 working days: due on 14 January, Monday to Friday. */
const routedOnNewYearsEve = () => routedRequest({ t, firm, office, d01 }, '2026-12-31', '2027-01-14');

/** `tx`, the text of each statement it runs kept in `seen`. */
function watched(tx: Tx, seen: string[]): Tx {
  const session = new Proxy(Reflect.get(tx, 'session') as object, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (key !== 'prepareQuery' || typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        seen.push((args[0] as { sql?: string } | undefined)?.sql ?? '');
        return value.apply(receiver, args);
      };
    },
  });
  return new Proxy(tx as Db, {
    get: (target, key, receiver) => (key === 'session' ? session : Reflect.get(target, key, receiver)),
  }) as Tx;
}

describe('a year’s loading counting many requests again', () => {
  it('locks them in two statements, not two for each request', async () => {
    const ids = [];
    for (let i = 0; i < 4; i++) ids.push(await routedOnNewYearsEve());
    vi.useFakeTimers({ toFake: ['Date'], now: noon('2026-12-31') });
    const seen: string[] = [];
    const moved = await transaction(t.database.db, (tx) =>
      recountRequestDeadlines(watched(tx, seen), loading2027),
    );
    expect(moved).toBe(4);
    expect(seen.filter((s) => / for update$/.test(s))).toHaveLength(2);
    // 1 January off: the tenth working day from 31 December is the 15th.
    const rows = await t.database.db
      .select({ dueOn: businessRequests.dueOn })
      .from(businessRequests)
      .where(inArray(businessRequests.id, ids));
    expect(rows.map((r) => r.dueOn)).toEqual(Array(4).fill('2027-01-15'));
  });
});
