import { calendarWithLoaded } from '@qianxing/core/calendar';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ServiceContext } from '../context.js';
import { routeRequest } from '../modules/business/commands/routeRequest.js';
import { businessRequestCategories, businessRequests } from '../modules/business/schema.js';
import { raisedRequest, requestParties } from '../modules/business/test-helpers.js';
import { loadCalendarYear } from '../modules/calendar/commands/loadYear.js';
import { forgetLoadedYears, refreshLoadedYears } from '../modules/calendar/loaded-years.js';
import { calendarYears } from '../modules/calendar/schema.js';
import type { TestClient, TestContext } from '../test-support/app.js';
import { contextOf, holdingCommit, racing } from '../test-support/racing.js';
import { year2027 } from '../test-support/year-2027.js';
import { dueAfterOn } from './deadlines.js';

/**
 * A request first routed while 2027's notice is being loaded: routing counts its due date on the
 * calendar as stored under the calendar's lock, so either the loading's recount finds it routed
 * or routing counts on the year loaded. Before, routing counted in its checks on the process's
 * calendar, and the recount, which lists only requests already routed, left the old count.
 */
let t: TestContext;
let firm: TestClient;
let officeCtx: ServiceContext;
let d01: string;
let answerDays: number;

beforeAll(async () => {
  let office: TestClient;
  ({ t, firm, office, d01 } = await requestParties());
  officeCtx = await contextOf(t, office);
  const [approval] = await t.database.db
    .select({ days: businessRequestCategories.answerWorkdays })
    .from(businessRequestCategories)
    .where(eq(businessRequestCategories.code, 'approval'));
  answerDays = approval!.days;
});
/** The racing handles used: a loading refreshed the process's calendar from each, as a database of its own. */
const handles: ServiceContext[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const ctx of handles.splice(0)) forgetLoadedYears(ctx.db);
  await t.database.db.delete(calendarYears);
  await refreshLoadedYears(t.database.db);
});
afterAll(() => t.close());

/** Routed on Wednesday 30 December 2026, counting through 1 January 2027, which the notice gives off. */
const today = '2026-12-30';
const dueWith2027 = () => dueAfterOn(calendarWithLoaded([year2027]), today, answerDays);
const dueMondayToFriday = () => dueAfterOn(calendarWithLoaded([]), today, answerDays);

async function dueOf(id: string) {
  const [row] = await t.database.db
    .select({ dueOn: businessRequests.dueOn })
    .from(businessRequests)
    .where(eq(businessRequests.id, id));
  return row!.dueOn;
}

describe('a request first routed while a year of holidays is loaded', () => {
  it('counts on the year loaded after routing’s checks and before its write', async () => {
    const id = await raisedRequest(firm);
    vi.useFakeTimers({ toFake: ['Date'], now: new Date(`${today}T12:00:00+08:00`) });
    expect(dueWith2027()).not.toBe(dueMondayToFriday());
    const ctx = { ...officeCtx, db: racing(officeCtx.db, () => loadCalendarYear(officeCtx, 2027, year2027)) };
    handles.push(ctx);
    await routeRequest.run(ctx, { id, departmentId: d01 });
    expect(await dueOf(id)).toBe(dueWith2027());
  });

  it.runIf(!!process.env.DATABASE_URL)(
    'is recounted by a loading that starts while routing’s transaction is open (PostgreSQL)',
    async () => {
      const id = await raisedRequest(firm);
      vi.useFakeTimers({ toFake: ['Date'], now: new Date(`${today}T12:00:00+08:00`) });
      const { db, holding } = holdingCommit(officeCtx.db);
      const ctx = { ...officeCtx, db };
      handles.push(ctx);
      const routing = routeRequest.run(ctx, { id, departmentId: d01 });
      await holding;
      // Routing has written its date and not committed: the loading's recount must wait for it.
      await loadCalendarYear(officeCtx, 2027, year2027);
      await routing;
      expect(await dueOf(id)).toBe(dueWith2027());
    },
  );
});
