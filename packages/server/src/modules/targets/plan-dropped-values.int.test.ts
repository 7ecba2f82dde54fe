import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { makeDistrict, signedIn } from '../../test-support/factories.js';
import { makeIndicator, makePlan, planItems } from '../../test-support/factories-targets.js';
import type { Report, ReportSummary } from './contracts/reports.js';
import type { Scorecard } from './contracts/scorecards.js';
import { targetReportValues } from './schema.js';

// A value of an indicator a plan no longer lists is no part of its report: the revision that
// drops the indicator removes it, and one stored all the same is neither shown, counted towards
// submitting, nor scored (the scorecard refused the whole quarter on it).
type Problem = { code: string; errors?: Array<{ path: string; code: string }> };

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
});
afterAll(() => t.close());

/** A district of its own whose department has an approved plan for `year` with two indicators. */
async function twoIndicatorPlan(year: number) {
  const tree = await makeDistrict(t);
  const office = await signedIn(t, 'admin', tree.district);
  const dept = await signedIn(t, 'department_staff', tree.department);
  const kept = await makeIndicator(office);
  const dropped = await makeIndicator(office);
  const plan = await makePlan({
    unit: tree.department,
    staff: dept,
    indicators: [kept, dropped],
    state: 'approved',
    office,
    year,
  });
  return { tree, office, dept, kept, dropped, plan };
}

const storedValues = (reportId: string) =>
  t.database.db.select().from(targetReportValues).where(eq(targetReportValues.reportId, reportId));

const compute = (office: TestClient, period: string) =>
  office.post<Scorecard & Problem>('/api/v1/targets/scorecards', { period });

const unitsOf = (card: Scorecard) => card.result.categories.flatMap((c) => c.units);

describe('a reopened plan that drops an indicator', () => {
  it('removes the dropped indicator’s values from its reports, which then score', async () => {
    const { office, dept, kept, dropped, plan } = await twoIndicatorPlan(2025);
    const values = [kept, dropped].map((i) => ({ indicatorId: i.id, value: 104, note: '' }));
    const report = (
      await dept.post<Report>('/api/v1/targets/reports', { planId: plan.id, period: '2025Q1', values })
    ).body;
    expect((await dept.post(`/api/v1/targets/reports/${report.id}/submit`)).status).toBe(200);
    expect(
      (await office.post(`/api/v1/targets/plans/${plan.id}/reopen`, { reason: '请修改指标' })).status,
    ).toBe(200);
    const read = await dept.get<{ updatedAt: string }>(`/api/v1/targets/plans/${plan.id}`);
    const update = await dept.request('PUT', `/api/v1/targets/plans/${plan.id}`, {
      contactName: '联络员',
      contactPhone: '13912345678',
      items: planItems([kept]),
      updatedAt: read.body.updatedAt,
    });
    expect(update.status).toBe(200);
    expect((await storedValues(report.id)).map((v) => v.indicatorId)).toEqual([kept.id]);
    expect((await dept.post(`/api/v1/targets/plans/${plan.id}/submit`)).status).toBe(200);
    expect((await office.post(`/api/v1/targets/plans/${plan.id}/approve`)).status).toBe(200);
    const q1 = await compute(office, '2025Q1');
    expect(q1.status).toBe(200);
    expect(unitsOf(q1.body)).toEqual([expect.objectContaining({ reported: 1 })]);
    // The next quarter's movement compares with this one, scored from the same data.
    expect((await compute(office, '2025Q2')).status).toBe(200);
  });
});

describe('a value stored for an indicator the plan does not list', () => {
  it('is not scored, shown nor counted', async () => {
    const { tree, office, dept, kept, plan } = await twoIndicatorPlan(2024);
    const stray = await makeIndicator(office);
    const report = (
      await dept.post<Report>('/api/v1/targets/reports', {
        planId: plan.id,
        period: '2024Q1',
        values: [{ indicatorId: kept.id, value: 104, note: '' }],
      })
    ).body;
    await t.database.db
      .insert(targetReportValues)
      .values({ reportId: report.id, indicatorId: stray.id, value: 9 });
    const shown = await dept.get<Report>(`/api/v1/targets/reports/${report.id}`);
    expect(shown.body.valueCount).toBe(1);
    const listed = await dept.get<{ items: ReportSummary[] }>(
      `/api/v1/targets/reports?unitId=${tree.department.id}`,
    );
    expect(listed.body.items.map((r) => r.valueCount)).toEqual([1]);
    expect((await dept.post(`/api/v1/targets/reports/${report.id}/submit`)).status).toBe(200);
    const card = await compute(office, '2024Q1');
    expect(card.status).toBe(200);
    expect(unitsOf(card.body)).toEqual([expect.objectContaining({ reported: 1 })]);
  });

  it('does not make a report submittable on its own', async () => {
    const { office, dept, plan } = await twoIndicatorPlan(2023);
    const stray = await makeIndicator(office);
    const report = (
      await dept.post<Report>('/api/v1/targets/reports', { planId: plan.id, period: '2023Q1', values: [] })
    ).body;
    await t.database.db
      .insert(targetReportValues)
      .values({ reportId: report.id, indicatorId: stray.id, value: 9 });
    const shown = await dept.get<Report>(`/api/v1/targets/reports/${report.id}`);
    expect(shown.body.actions.submit).toBe(false);
    const res = await dept.post<Problem>(`/api/v1/targets/reports/${report.id}/submit`);
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'values', code: 'report_empty' })]);
  });
});
