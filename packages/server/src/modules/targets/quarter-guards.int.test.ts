import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../audit/schema.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { type District, makeDistrict, makeUnit, signedIn } from '../../test-support/factories.js';
import { makeIndicator, makePlan } from '../../test-support/factories-targets.js';
import type { Report } from './contracts/reports.js';
import type { Scorecard } from './contracts/scorecards.js';
import { stampOf } from './test-helpers.js';

type Problem = { code: string; errors?: Array<{ path: string; code: string; params?: object }> };

let t: TestContext;
let tree: District;
let office: TestClient;
let dept: TestClient;
let plan: { id: string };
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  tree = await makeDistrict(t);
  office = await signedIn(t, 'admin', tree.district);
  dept = await signedIn(t, 'department_staff', tree.department);
  const indicators = [await makeIndicator(office), await makeIndicator(office, { direction: 'lower' })];
  plan = await makePlan({ unit: tree.department, staff: dept, indicators, state: 'approved', office });
});
afterAll(() => t.close());

const computed = async () => {
  const [row] = await t.database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditEvents)
    .where(eq(auditEvents.action, 'scorecard.compute'));
  return row?.n ?? 0;
};
const periods = async () =>
  (await office.get<Array<{ period: string }>>('/api/v1/targets/scorecards')).body.map((s) => s.period);

describe('the quarters a scorecard is computed and published for', () => {
  it('refuses to compute a quarter that has not ended, saying when it ends, and writes nothing', async () => {
    const before = await computed();
    const res = await office.post<Problem>('/api/v1/targets/scorecards', { period: '2030Q2' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION');
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        path: 'period',
        code: 'scorecard_quarter_open',
        params: { end: '2030-06-30' },
      }),
    ]);
    expect(await periods()).not.toContain('2030Q2');
    expect(await computed()).toBe(before);
  });

  it('refuses to publish a draft that ranks no unit; it stays a draft and the leaderboard stays empty', async () => {
    const draft = await office.post<Scorecard>('/api/v1/targets/scorecards', { period: '2025Q4' });
    expect(draft.status).toBe(200);
    expect(draft.body.result.categories.every((c) => c.units.length === 0)).toBe(true);
    const res = await office.post<Problem>(`/api/v1/targets/scorecards/${draft.body.id}/publish`);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('INVALID_STATE');
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'result', code: 'nothing_ranked' })]);
    const after = await office.get<Scorecard>(`/api/v1/targets/scorecards/${draft.body.id}`);
    expect(after.body.status).toBe('draft');
    expect((await t.client().get('/api/v1/public/scorecards/latest')).status).toBe(404);
  });
});

describe('a draft the data has moved past', () => {
  it('is refused, stays a draft and leaves the leaderboard as it was; computed again, it publishes', async () => {
    const reportFor = async (period: string) => {
      const unit = await makeUnit(t, { parent: tree.district, kind: 'department' });
      const staff = await signedIn(t, 'department_staff', unit);
      const indicators = [await makeIndicator(office)];
      const own = await makePlan({ unit, staff, indicators, state: 'approved', office, year: 2025 });
      const report = await staff.post<Report>('/api/v1/targets/reports', {
        planId: own.id,
        period,
        values: [{ indicatorId: indicators[0]!.id, value: 105, note: '' }],
      });
      return () => staff.post<Report>(`/api/v1/targets/reports/${report.body.id}/submit`);
    };
    const first = await reportFor('2025Q3');
    const second = await reportFor('2025Q3');
    expect((await first()).status).toBe(200);
    const draft = await office.post<Scorecard>('/api/v1/targets/scorecards', { period: '2025Q3' });
    expect(draft.body.result.categories.flatMap((c) => c.units)).toHaveLength(1);
    // A report comes in after the office computed the draft it is about to publish.
    expect((await second()).status).toBe(200);

    const res = await office.post<Problem>(`/api/v1/targets/scorecards/${draft.body.id}/publish`);
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'result', code: 'scorecard_stale' })]);
    expect((await office.get<Scorecard>(`/api/v1/targets/scorecards/${draft.body.id}`)).body.status).toBe(
      'draft',
    );
    const published = await t.client().get<Array<{ period: string }>>('/api/v1/public/scorecards');
    expect(published.body.map((p) => p.period)).not.toContain('2025Q3');

    const again = await office.post<Scorecard>('/api/v1/targets/scorecards', { period: '2025Q3' });
    expect(again.body.result.categories.flatMap((c) => c.units)).toHaveLength(2);
    expect((await office.post(`/api/v1/targets/scorecards/${again.body.id}/publish`)).status).toBe(200);
  });
});

describe('reports of a quarter whose scorecard is published', () => {
  let waiting: Report;

  it('are refused, to be started or submitted, once the ranking is frozen', async () => {
    const values = async (id: string) =>
      (await dept.get<Report>(`/api/v1/targets/reports/${id}`)).body.values.map((v) => v.indicatorId);
    const counted = await dept.post<Report>('/api/v1/targets/reports', {
      planId: plan.id,
      period: '2026Q1',
      values: [],
    });
    const planned = (
      await dept.get<{ items: Array<{ indicatorId: string }> }>(`/api/v1/targets/plans/${plan.id}`)
    ).body.items;
    await dept.put(`/api/v1/targets/reports/${counted.body.id}`, {
      values: planned.map((i) => ({ indicatorId: i.indicatorId, value: 110, note: '' })),
      updatedAt: await stampOf(dept, 'reports', counted.body.id),
    });
    expect((await dept.post<Report>(`/api/v1/targets/reports/${counted.body.id}/submit`)).status).toBe(200);
    // Another unit's draft for the same quarter, started before the ranking was published.
    const late = await makeUnit(t, { parent: tree.district, kind: 'department' });
    const lateStaff = await signedIn(t, 'department_staff', late);
    const indicators = [await makeIndicator(office)];
    const latePlan = await makePlan({ unit: late, staff: lateStaff, indicators, state: 'approved', office });
    waiting = (
      await lateStaff.post<Report>('/api/v1/targets/reports', {
        planId: latePlan.id,
        period: '2026Q1',
        values: [{ indicatorId: indicators[0]!.id, value: 108, note: '' }],
      })
    ).body;
    expect(await values(counted.body.id)).toHaveLength(2);

    const card = await office.post<Scorecard>('/api/v1/targets/scorecards', { period: '2026Q1' });
    expect((await office.post(`/api/v1/targets/scorecards/${card.body.id}/publish`)).status).toBe(200);

    const submit = await lateStaff.post<Problem>(`/api/v1/targets/reports/${waiting.id}/submit`);
    expect(submit.status).toBe(422);
    expect(submit.body.errors).toEqual([
      expect.objectContaining({ path: 'period', code: 'quarter_published' }),
    ]);
    expect((await lateStaff.get<Report>(`/api/v1/targets/reports/${waiting.id}`)).body.status).toBe('draft');

    const other = await makeUnit(t, { parent: tree.district, kind: 'department' });
    const otherStaff = await signedIn(t, 'department_staff', other);
    const otherPlan = await makePlan({
      unit: other,
      staff: otherStaff,
      indicators: [await makeIndicator(office)],
      state: 'approved',
      office,
    });
    const start = await otherStaff.post<Problem>('/api/v1/targets/reports', {
      planId: otherPlan.id,
      period: '2026Q1',
      values: [],
    });
    expect(start.status).toBe(422);
    expect(start.body.errors).toEqual([
      expect.objectContaining({ path: 'period', code: 'quarter_published' }),
    ]);
    const list = await office.get<{ items: Report[] }>('/api/v1/targets/reports?period=2026Q1');
    expect(list.body.items.map((r) => r.planId)).not.toContain(otherPlan.id);
    // The next quarter, not yet published, is open as before.
    const next = await otherStaff.post('/api/v1/targets/reports', {
      planId: otherPlan.id,
      period: '2026Q2',
      values: [],
    });
    expect(next.status).toBe(201);
  });
});
