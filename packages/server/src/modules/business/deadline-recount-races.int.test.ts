import { calendarWithLoaded } from '@qianxing/core/calendar';
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { transaction } from '../../db/transaction.js';
import { type CalendarChange, changedFrom } from '../../kernel/deadline-recount.js';
import type { TestClient, TestContext } from '../../test-support/app.js';
import { contextOf, racingAfter } from '../../test-support/racing.js';
import { year2027 } from '../../test-support/year-2027.js';
import { answerRequest } from './commands/answerRequest.js';
import { decideExtension } from './commands/extensions.js';
import type { RequestDetail } from './contracts-requests.js';
import { recountRequestDeadlines } from './deadline-recount.js';
import {
  businessExtensions,
  businessRequestEvents,
  businessRequests,
  type RequestEventKind,
} from './schema.js';
import { noon, requestParties, routedRequest } from './test-helpers.js';

/**
 * The firms' requests counted again for 2027's notice (in the loading's transaction) while the
 * office extends a request and the department answers another, each committed after the recount
 * listed the requests it counts again and before it writes their dates. The recount reads each one
 * again under its lock: the extended request's date keeps the days granted, the answered one keeps
 * every date. The other writes commit inside the recount's transaction, which needs a second
 * connection: PostgreSQL only (DATABASE_URL set); on PGlite they would wait for the recount, which
 * waits for them.
 */
let t: TestContext;
let firm: TestClient;
let office: TestClient;
let dept: TestClient;
let d01: string;

beforeAll(async () => {
  ({ t, firm, office, dept, d01 } = await requestParties());
});
afterEach(() => {
  vi.useRealTimers();
});
afterAll(() => t.close());

/** 2027's notice loaded where no year was: the change the loading's recounts count on. */
const loading2027: CalendarChange = {
  year: 2027,
  from: changedFrom(2027, year2027),
  before: calendarWithLoaded([]),
  after: calendarWithLoaded([year2027]),
};

/** A request routed to QJ-D01 on `day`, due on `dueOn` (counted Monday to Friday before 2027's notice). */
const routedOn = (day: string, dueOn: string) => routedRequest({ t, firm, office, d01 }, day, dueOn);

/** The request's due date, and the data of its latest step of `kind`. */
async function datesOf(id: string, kind: RequestEventKind) {
  const { db } = t.database;
  const [row] = await db
    .select({ dueOn: businessRequests.dueOn })
    .from(businessRequests)
    .where(eq(businessRequests.id, id));
  const [step] = await db
    .select({ data: businessRequestEvents.data })
    .from(businessRequestEvents)
    .where(and(eq(businessRequestEvents.requestId, id), eq(businessRequestEvents.kind, kind)))
    .orderBy(desc(businessRequestEvents.seq))
    .limit(1);
  return { dueOn: row!.dueOn, step: step!.data };
}

describe.runIf(!!process.env.DATABASE_URL)('a recount under way while the requests move on', () => {
  it('keeps the extension granted and the answered request’s dates, written after the recount read them', async () => {
    const { db } = t.database;
    // Routed on Monday 28 December with 5 working days: due on 4 January (1 January a Friday).
    const extended = await routedOn('2026-12-28', '2027-01-04');
    const asked = await dept.post<RequestDetail>(`/api/v1/business/requests/${extended}/extensions`, {
      workdays: 5,
      reason: '需补充现场勘验',
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
    const extensionId = asked.body.extensions[0]!.id;
    await db
      .update(businessExtensions)
      .set({ createdAt: noon('2026-12-30') })
      .where(eq(businessExtensions.id, extensionId));
    // Routed on 31 December with 10 working days: due on 14 January.
    const answered = await routedOn('2026-12-31', '2027-01-14');

    vi.useFakeTimers({ toFake: ['Date'], now: noon('2026-12-30') });
    const officeCtx = await contextOf(t, await t.as('office'));
    const deptCtx = await contextOf(t, await t.as('dept'));
    let ran = false;
    const meanwhile = async () => {
      // Counted Monday to Friday, as 2027's notice is not in force until the loading commits.
      await decideExtension.run(officeCtx, { extensionId, approve: true, note: '同意' });
      await answerRequest.run(deptCtx, { id: answered, body: '已答复企业。' });
      ran = true;
    };
    // Just after the recount lists the requests awaited on a date in 2027.
    const listed = /^select .* from "business_requests" where \("business_requests"\."status" in/;
    const moved = await transaction(racingAfter(db, listed, meanwhile), (tx) =>
      recountRequestDeadlines(tx, loading2027),
    );
    expect(ran).toBe(true);

    // 10 working days from 28 December: 4 January plus the 5 granted, a day later with 1 January off.
    const after = await datesOf(extended, 'extension_approved');
    expect(after.dueOn).toBe('2027-01-12');
    expect(after.step).toMatchObject({ dueBefore: '2027-01-05', dueAfter: '2027-01-12' });
    const [extension] = await db
      .select({ dueBefore: businessExtensions.dueBefore, dueAfter: businessExtensions.dueAfter })
      .from(businessExtensions)
      .where(eq(businessExtensions.id, extensionId));
    expect(extension).toEqual({ dueBefore: '2027-01-05', dueAfter: '2027-01-12' });
    // Answered: its answer was judged on time against 14 January, which stays.
    const kept = await datesOf(answered, 'routed');
    expect(kept.dueOn).toBe('2027-01-14');
    expect(kept.step).toMatchObject({ dueOn: '2027-01-14' });
    expect(moved).toBe(1);
  });
});
