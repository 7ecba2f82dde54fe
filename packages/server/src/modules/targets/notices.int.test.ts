import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WaitingItem } from '../../kernel/waiting.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import type { Plan } from './contracts/plans.js';
import type { Report } from './contracts/reports.js';
import type { Scorecard } from './contracts/scorecards.js';
import { firstIndicators, planBody, staffOf, unitId } from './test-helpers.js';

let t: TestContext;
let office: TestClient;
let dept: TestClient;
let other: TestClient;
beforeAll(async () => {
  t = await createTestContext();
  office = await t.as('office');
  dept = await t.as('dept');
  other = await staffOf(t, 'QJ-D02', 'd02.notices');
});
afterAll(() => t.close());

interface Message {
  key: string;
  params: Record<string, unknown>;
}
const inbox = async (c: TestClient) =>
  (await c.get<Message[]>('/api/v1/inbox')).body
    .filter((m) => m.key.startsWith('targets.'))
    .map(({ key, params }) => ({ key, params }));
const newest = async (c: TestClient) => (await inbox(c))[0];
const plansReturned = async (c: TestClient) =>
  (await c.get<{ items: WaitingItem[] }>('/api/v1/me/waiting')).body.items.find(
    (i) => i.module === 'targets' && i.key === 'plansReturned',
  );
const step = async (c: TestClient, path: string, body?: unknown) => {
  const res = await c.post(path, body);
  expect(res.status).toBe(200);
};

describe('a unit is told, in its inbox, what the office does with its plans, reports and ranking', () => {
  let plan: Plan;
  const unit = '区发展改革委';

  it('of its plan returned, with the reason, and of it approved; a returned plan waits for it', async () => {
    const body = planBody(await unitId(t, 'QJ-D01'), await firstIndicators(dept, 2));
    plan = (await dept.post<Plan>('/api/v1/targets/plans', body)).body;
    await step(dept, `/api/v1/targets/plans/${plan.id}/submit`);
    expect(await inbox(dept)).toEqual([]);
    await step(office, `/api/v1/targets/plans/${plan.id}/return`, { reason: '目标偏低' });
    expect(await newest(dept)).toEqual({
      key: 'targets.plan.returned',
      params: { planId: plan.id, year: 2026, unit, reason: '目标偏低' },
    });
    // Another unit's staff hears nothing of it.
    expect(await inbox(other)).toEqual([]);
    expect(await plansReturned(dept)).toMatchObject({ count: 1, path: '/admin/targets/plans' });
    await step(dept, `/api/v1/targets/plans/${plan.id}/submit`);
    expect(await plansReturned(dept)).toBeUndefined();
    await step(office, `/api/v1/targets/plans/${plan.id}/approve`);
    expect(await newest(dept)).toEqual({
      key: 'targets.plan.approved',
      params: { planId: plan.id, year: 2026, unit },
    });
  });

  it('of its approved plan reopened for revision', async () => {
    const body = planBody(await unitId(t, 'QJ-D01'), await firstIndicators(dept, 2), 2027);
    const later = (await dept.post<Plan>('/api/v1/targets/plans', body)).body;
    await step(dept, `/api/v1/targets/plans/${later.id}/submit`);
    await step(office, `/api/v1/targets/plans/${later.id}/approve`);
    await step(office, `/api/v1/targets/plans/${later.id}/reopen`, { reason: '按新口径调整' });
    expect(await newest(dept)).toEqual({
      key: 'targets.plan.reopened',
      params: { planId: later.id, year: 2027, unit, reason: '按新口径调整' },
    });
    expect((await plansReturned(dept))?.count).toBe(1);
  });

  it('of its quarterly report returned and approved', async () => {
    const report = (
      await dept.post<Report>('/api/v1/targets/reports', {
        planId: plan.id,
        period: '2026Q3',
        values: plan.items.map((i) => ({ indicatorId: i.indicatorId, value: i.targets[2] })),
      })
    ).body;
    await step(dept, `/api/v1/targets/reports/${report.id}/submit`);
    await step(office, `/api/v1/targets/reports/${report.id}/return`, { reason: '补充佐证' });
    const about = { reportId: report.id, period: '2026Q3', year: 2026, q: 3, unit };
    expect(await newest(dept)).toEqual({
      key: 'targets.report.returned',
      params: { ...about, reason: '补充佐证' },
    });
    await step(dept, `/api/v1/targets/reports/${report.id}/submit`);
    await step(office, `/api/v1/targets/reports/${report.id}/approve`);
    expect(await newest(dept)).toEqual({ key: 'targets.report.approved', params: about });
  });

  it('of the quarter’s ranking published, once, if the scorecard ranks it', async () => {
    const draft = (await office.post<Scorecard>('/api/v1/targets/scorecards', { period: '2026Q3' })).body;
    const ranked = draft.result.categories.flatMap((c) => c.units.map((u) => u.unitId));
    expect(ranked).toContain(plan.unitId);
    const before = (await inbox(other)).length;
    await step(office, `/api/v1/targets/scorecards/${draft.id}/publish`);
    const told = (await inbox(dept)).filter((m) => m.key === 'targets.scorecard.published');
    expect(told).toEqual([
      { key: 'targets.scorecard.published', params: { period: '2026Q3', year: 2026, q: 3 } },
    ]);
    const d02 = await unitId(t, 'QJ-D02');
    expect((await inbox(other)).length - before).toBe(ranked.includes(d02) ? 1 : 0);
  });
});
