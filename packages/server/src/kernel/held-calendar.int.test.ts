import { calendarWithLoaded } from '@qianxing/core/calendar';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ServiceContext } from '../context.js';
import { answerRequest } from '../modules/business/commands/answerRequest.js';
import { askExtension, decideExtension } from '../modules/business/commands/extensions.js';
import { rateAnswer } from '../modules/business/commands/rateAnswer.js';
import { routeRequest } from '../modules/business/commands/routeRequest.js';
import {
  businessAnswers,
  businessRectifications,
  businessRequestCategories,
  businessRequests,
} from '../modules/business/schema.js';
import { raisedRequest, requestParties } from '../modules/business/test-helpers.js';
import { loadCalendarYear } from '../modules/calendar/commands/loadYear.js';
import { forgetLoadedYears, refreshLoadedYears } from '../modules/calendar/loaded-years.js';
import { calendarYears } from '../modules/calendar/schema.js';
import type { TestClient, TestContext } from '../test-support/app.js';
import { contextOf, racing } from '../test-support/racing.js';
import { year2027 } from '../test-support/year-2027.js';
import { dueAfterOn } from './deadlines.js';

/**
 * A due date stored after another instance loaded a year of holidays, before this process read it
 * again (each process reads the loaded years once a minute): an approved extension and the
 * rectification a bad rating opens count on the calendar as stored, as routing does, not on the
 * process's copy, which no recount would ever correct. Run on PGlite, and on PostgreSQL with
 * DATABASE_URL set.
 */
let t: TestContext;
let firm: TestClient;
let d01: string;
/** Signed in before the clock is set forward: a session read on a faked December day would have lapsed. */
let as: { office: ServiceContext; dept: ServiceContext; firm: ServiceContext };
let days: { answer: number; rectify: number };

beforeAll(async () => {
  let office: TestClient;
  let dept: TestClient;
  ({ t, firm, office, dept, d01 } = await requestParties());
  as = { office: await contextOf(t, office), dept: await contextOf(t, dept), firm: await contextOf(t, firm) };
  const [approval] = await t.database.db
    .select({
      answer: businessRequestCategories.answerWorkdays,
      rectify: businessRequestCategories.rectifyWorkdays,
    })
    .from(businessRequestCategories)
    .where(eq(businessRequestCategories.code, 'approval'));
  days = approval!;
});
afterEach(async () => {
  vi.useRealTimers();
  await t.database.db.delete(calendarYears);
  await refreshLoadedYears(t.database.db);
});
afterAll(() => t.close());

const with2027 = calendarWithLoaded([year2027]);
const mondayToFriday = calendarWithLoaded([]);

/**
 * 2027 loaded as another instance would: stored and recounted through a database handle of its
 * own, whose years this process then forgets, so that its calendar is the one it held before.
 */
async function loadedElsewhere() {
  const elsewhere = racing(as.office.db, async () => undefined);
  await loadCalendarYear({ ...as.office, db: elsewhere }, 2027, year2027);
  forgetLoadedYears(elsewhere);
}

const at = (day: string) => vi.useFakeTimers({ toFake: ['Date'], now: new Date(`${day}T10:00:00+08:00`) });

async function dueDates(id: string) {
  const [request] = await t.database.db
    .select({ dueOn: businessRequests.dueOn })
    .from(businessRequests)
    .where(eq(businessRequests.id, id));
  const open = await t.database.db
    .select({ dueOn: businessRectifications.dueOn })
    .from(businessRectifications)
    .where(eq(businessRectifications.requestId, id));
  return { request: request!.dueOn, rectifications: open.map((r) => r.dueOn) };
}

describe('a due date stored while this process has not yet read a year another instance loaded', () => {
  it('of an approved extension counts on the year', async () => {
    // Routed on the latest day whose due date falls in 2026, so the 5 days granted run over New Year's Day.
    let routedOn = '2026-12-31';
    while (dueAfterOn(mondayToFriday, routedOn, days.answer) > '2026-12-31')
      routedOn = new Date(Date.parse(`${routedOn}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const id = await raisedRequest(firm);
    at(routedOn);
    await routeRequest.run(as.office, { id, departmentId: d01 });
    const { id: extensionId } = await askExtension.run(as.dept, { id, workdays: 5, reason: '需会商' });
    const due = (await dueDates(id)).request!;
    expect(dueAfterOn(with2027, due, 5)).not.toBe(dueAfterOn(mondayToFriday, due, 5));
    await loadedElsewhere();
    await decideExtension.run(as.office, { extensionId, approve: true, note: '同意' });
    expect((await dueDates(id)).request).toBe(dueAfterOn(with2027, due, 5));
  });

  it('of the rectification a bad rating opens counts on the year', async () => {
    const today = '2026-12-30';
    expect(dueAfterOn(with2027, today, days.rectify)).not.toBe(
      dueAfterOn(mondayToFriday, today, days.rectify),
    );
    const id = await raisedRequest(firm);
    at(today);
    await routeRequest.run(as.office, { id, departmentId: d01 });
    const answer = await answerRequest.run(as.dept, { id, body: '已答复。' });
    // Given on the faked day: PostgreSQL's own clock would date it today, the rating period long over.
    await t.database.db
      .update(businessAnswers)
      .set({ createdAt: new Date() })
      .where(eq(businessAnswers.id, answer.id));
    await loadedElsewhere();
    await rateAnswer.run(as.firm, { answerId: answer.id, score: 1, comment: '没有解决' });
    const expected = dueAfterOn(with2027, today, days.rectify);
    expect(await dueDates(id)).toEqual({ request: expected, rectifications: [expected] });
  });
});
