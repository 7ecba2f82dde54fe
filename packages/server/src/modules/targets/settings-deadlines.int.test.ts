import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina } from '../../kernel/deadlines.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { makeDistrict, signedIn } from '../../test-support/factories.js';
import { makeIndicator, makePlan } from '../../test-support/factories-targets.js';
import { contextOf, racing } from '../../test-support/racing.js';
import { updateSettings } from './commands/updateSettings.js';
import type { Report } from './contracts/reports.js';
import { reportDeadline } from './queries/deadline.js';
import { targetReports } from './schema.js';

// The quarter under way in China: its report's deadline is still ahead. Another quarter of the
// year (the one before, or the second), whose report's deadline the test puts in the past.
const today = todayInChina();
const year = Number(today.slice(0, 4));
const q = Math.ceil(Number(today.slice(5, 7)) / 3);
const period = `${year}Q${q}`;
const another = `${year}Q${q === 1 ? 2 : q - 1}`;

let t: TestContext;
let office: TestClient;
let dept: TestClient;
let planId: string;
let indicatorId: string;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  const tree = await makeDistrict(t);
  office = await signedIn(t, 'admin', tree.district);
  dept = await signedIn(t, 'department_staff', tree.department);
  const indicator = await makeIndicator(office);
  indicatorId = indicator.id;
  const plan = await makePlan({
    unit: tree.department,
    staff: dept,
    indicators: [indicator],
    state: 'approved',
    office,
    year,
  });
  planId = plan.id;
});
afterAll(() => t.close());

async function draftReport(quarter: string): Promise<Report> {
  const res = await dept.post<Report>('/api/v1/targets/reports', {
    planId,
    period: quarter,
    values: [{ indicatorId, value: 1 }],
  });
  expect(res.status).toBe(201);
  return res.body;
}
const deadlineOf = async (r: Pick<Report, 'id'>) =>
  (await dept.get<Report>(`/api/v1/targets/reports/${r.id}`)).body.deadline;

describe('changing the number of working days a report is due after its quarter', () => {
  it('moves the deadlines not yet passed of the reports not in, tells their units, and keeps a passed one', async () => {
    const waiting = await draftReport(period);
    expect(waiting.deadline).toBe(reportDeadline(period, 10));
    const passed = await draftReport(another);
    // A deadline already passed, under the rule it was given.
    await t.database.db
      .update(targetReports)
      .set({ deadline: '2020-01-02' })
      .where(eq(targetReports.id, passed.id));

    expect((await office.put('/api/v1/targets/settings', { reportDeadlineWorkdays: 15 })).status).toBe(200);
    expect(await deadlineOf(waiting)).toBe(reportDeadline(period, 15));
    expect(await deadlineOf(passed)).toBe('2020-01-02');
    // What the overdue list counts from now on is what the report says.
    const settings = await dept.get<{ reportDeadlineWorkdays: number }>('/api/v1/targets/settings');
    expect(reportDeadline(period, settings.body.reportDeadlineWorkdays)).toBe(await deadlineOf(waiting));

    const inbox = (await dept.get<Array<{ key: string; params: Record<string, unknown> }>>('/api/v1/inbox'))
      .body;
    expect(inbox.filter((m) => m.key === 'targets.report.deadlineMoved').map((m) => m.params)).toEqual([
      expect.objectContaining({
        reportId: waiting.id,
        period,
        from: reportDeadline(period, 10),
        to: reportDeadline(period, 15),
      }),
    ]);

    // The same number again moves nothing and tells no one.
    expect((await office.put('/api/v1/targets/settings', { reportDeadlineWorkdays: 15 })).status).toBe(200);
    expect(await deadlineOf(waiting)).toBe(reportDeadline(period, 15));
    const again = (await dept.get<Array<{ key: string }>>('/api/v1/inbox')).body;
    expect(again.filter((m) => m.key === 'targets.report.deadlineMoved')).toHaveLength(1);
  });

  it('does not move a deadline still ahead to a day already past when the count is shortened', async () => {
    // The unit's report of the quarter before, whose deadline the office had set well ahead.
    const [ahead] = await t.database.db
      .update(targetReports)
      .set({ deadline: '2099-01-02' })
      .where(eq(targetReports.period, another))
      .returning();
    const [current] = await t.database.db
      .select()
      .from(targetReports)
      .where(eq(targetReports.period, period));
    expect((await office.put('/api/v1/targets/settings', { reportDeadlineWorkdays: 1 })).status).toBe(200);
    // Counted again, the quarter before would be due long ago: the report would be late at once.
    expect(reportDeadline(another, 1) < today).toBe(true);
    expect(await deadlineOf(ahead!)).toBe('2099-01-02');
    expect(await deadlineOf(current!)).toBe(reportDeadline(period, 1));
  });

  it('counts the deadlines again when another change came between the request and its write', async () => {
    const [current] = await t.database.db
      .select()
      .from(targetReports)
      .where(eq(targetReports.period, period));
    // Set to 1 above; another admin sets 15 meanwhile, and this request sets 1 again.
    const other = async () =>
      expect((await office.put('/api/v1/targets/settings', { reportDeadlineWorkdays: 15 })).status).toBe(200);
    const ctx = await contextOf(t, office);
    await updateSettings({ ...ctx, db: racing(ctx.db, other) }, { reportDeadlineWorkdays: 1 });
    expect(await deadlineOf(current!)).toBe(reportDeadline(period, 1));
  });
});
