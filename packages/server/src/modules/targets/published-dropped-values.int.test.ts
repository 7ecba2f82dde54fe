import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { makeDistrict, signedIn } from '../../test-support/factories.js';
import {
  type MadeIndicator,
  makeIndicator,
  makePlan,
  planItems,
} from '../../test-support/factories-targets.js';
import type { Report } from './contracts/reports.js';
import { targetReportValues } from './schema.js';

// A plan reopened for revision while a quarter is published (the ranking leaves it out): the
// reports of that quarter keep every value they held, a dropped indicator's included (the
// ranking published is history), while those of quarters not published lose the dropped
// indicator's values with its item.

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
});
afterAll(() => t.close());

/** A district of its own whose department has an approved plan for `year` listing `count` indicators. */
async function approvedPlan(year: number, count: number) {
  const tree = await makeDistrict(t);
  const office = await signedIn(t, 'admin', tree.district);
  const dept = await signedIn(t, 'department_staff', tree.department);
  const indicators: MadeIndicator[] = [];
  for (let k = 0; k < count; k++) indicators.push(await makeIndicator(office));
  const plan = await makePlan({
    unit: tree.department,
    staff: dept,
    indicators,
    state: 'approved',
    office,
    year,
  });
  // A town reporting too: the quarter published while the plan is revised ranks it alone.
  const town = await signedIn(t, 'department_staff', tree.town);
  const other = await makePlan({ unit: tree.town, staff: town, indicators, state: 'approved', office, year });
  return { office, dept, indicators, plan, town, other };
}

type Setup = Awaited<ReturnType<typeof approvedPlan>>;

const valuesOf = (indicators: readonly MadeIndicator[], value = 104) =>
  indicators.map((i) => ({ indicatorId: i.id, value, note: '' }));

/** The quarter's report of the plan with a value of each of `indicators`. */
async function reported(s: Setup, period: string, indicators: readonly MadeIndicator[]): Promise<Report> {
  const res = await s.dept.post<Report>('/api/v1/targets/reports', {
    planId: s.plan.id,
    period,
    values: valuesOf(indicators),
  });
  expect(res.status).toBe(201);
  return res.body;
}

/** The town's report of the quarter, submitted. */
async function townReported(s: Setup, period: string) {
  const res = await s.town.post<Report>('/api/v1/targets/reports', {
    planId: s.other.id,
    period,
    values: valuesOf(s.indicators),
  });
  expect((await s.town.post(`/api/v1/targets/reports/${res.body.id}/submit`)).status).toBe(200);
}

/** The quarter's scorecard computed and published by the office. */
async function published(office: TestClient, period: string) {
  const draft = await office.post<{ id: string }>('/api/v1/targets/scorecards', { period });
  expect(draft.status).toBe(200);
  const done = await office.post(`/api/v1/targets/scorecards/${draft.body.id}/publish`);
  expect(done.status, JSON.stringify(done.body)).toBe(200);
}

/** The approved plan reopened by the office for revision. */
const reopened = async (s: Setup) =>
  expect(
    (await s.office.post(`/api/v1/targets/plans/${s.plan.id}/reopen`, { reason: '请修改指标' })).status,
  ).toBe(200);

/** The reopened plan saved by its unit listing `indicators`. */
async function revised(s: Setup, indicators: readonly MadeIndicator[]) {
  const path = `/api/v1/targets/plans/${s.plan.id}`;
  const fresh = await s.dept.get<{ updatedAt: string }>(path);
  const update = await s.dept.request('PUT', path, {
    contactName: '联络员',
    contactPhone: '13912345678',
    items: planItems(indicators),
    updatedAt: fresh.body.updatedAt,
  });
  expect(update.status).toBe(200);
}

const stored = async (reportId: string) =>
  (await t.database.db.select().from(targetReportValues).where(eq(targetReportValues.reportId, reportId)))
    .map((v) => `${v.indicatorId}=${v.value}`)
    .sort();

describe('a plan revised after one of its quarters was published', () => {
  it('keeps the dropped indicator’s values in the published quarter’s report, and drops them elsewhere', async () => {
    const s = await approvedPlan(2019, 2);
    const [kept, dropped] = s.indicators as [MadeIndicator, MadeIndicator];
    const q1 = await reported(s, '2019Q1', [kept, dropped]);
    expect((await s.dept.post(`/api/v1/targets/reports/${q1.id}/submit`)).status).toBe(200);
    const q2 = await reported(s, '2019Q2', [kept, dropped]);
    await townReported(s, '2019Q1');
    await reopened(s);
    await published(s.office, '2019Q1');
    await revised(s, [kept]);
    expect(await stored(q1.id)).toEqual([`${kept.id}=104`, `${dropped.id}=104`].sort());
    expect(await stored(q2.id)).toEqual([`${kept.id}=104`]);
  });
});

describe('an indicator planned again', () => {
  it('starts empty in the reports of quarters not published, whatever was stored of it', async () => {
    const s = await approvedPlan(2018, 3);
    const [kept, dropped, unplanned] = s.indicators as [MadeIndicator, MadeIndicator, MadeIndicator];
    const q1 = await reported(s, '2018Q1', [kept, dropped]);
    expect((await s.dept.post(`/api/v1/targets/reports/${q1.id}/submit`)).status).toBe(200);
    const q2 = await reported(s, '2018Q2', [kept]);
    await townReported(s, '2018Q1');
    await reopened(s);
    await published(s.office, '2018Q1');
    await revised(s, [kept]);
    // A value the plan did not list, stored all the same (as revisions before values were
    // removed with their items left them): hidden while the indicator is unplanned.
    await t.database.db
      .insert(targetReportValues)
      .values({ reportId: q2.id, indicatorId: unplanned.id, value: 9 });
    await revised(s, [kept, dropped, unplanned]);
    expect(await stored(q2.id)).toEqual([`${kept.id}=104`]);
    const q2Read = await s.dept.get<Report>(`/api/v1/targets/reports/${q2.id}`);
    expect(q2Read.body.values.map((v) => v.indicatorId)).toEqual([kept.id]);
    // The published quarter shows again what was reported then.
    const q1Read = await s.dept.get<Report>(`/api/v1/targets/reports/${q1.id}`);
    expect(q1Read.body.values.map((v) => `${v.indicatorId}=${v.value}`).sort()).toEqual(
      [`${kept.id}=104`, `${dropped.id}=104`].sort(),
    );
  });
});
