import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import type { Plan } from './contracts/plans.js';
import { targetScorecards } from './schema.js';
import { auditOf, firstIndicators, planBody, unitId } from './test-helpers.js';

let t: TestContext;
let office: TestClient;
let dept: TestClient;
let plan: Plan;
beforeAll(async () => {
  t = await createTestContext();
  office = await t.as('office');
  dept = await t.as('dept');
  const body = planBody(await unitId(t, 'QJ-D01'), await firstIndicators(dept, 2), 2027);
  plan = (await dept.post<Plan>('/api/v1/targets/plans', body)).body;
  expect((await dept.post(`/api/v1/targets/plans/${plan.id}/submit`)).status).toBe(200);
});
afterAll(() => t.close());

interface Problem {
  code: string;
  errors?: Array<{ path: string; code: string; params?: Record<string, unknown> }>;
}
const reopen = (client: TestClient, reason = '对标值需按新统计口径调整') =>
  client.post<Plan & Problem>(`/api/v1/targets/plans/${plan.id}/reopen`, { reason });

describe('reopening an approved plan', () => {
  it('is refused while the plan is only submitted', async () => {
    const res = await reopen(office);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('INVALID_STATE');
  });

  it('is offered to the office and not to the unit once the plan is approved', async () => {
    expect((await office.post(`/api/v1/targets/plans/${plan.id}/approve`)).status).toBe(200);
    expect((await office.get<Plan>(`/api/v1/targets/plans/${plan.id}`)).body.actions.reopen).toBe(true);
    expect((await dept.get<Plan>(`/api/v1/targets/plans/${plan.id}`)).body.actions.reopen).toBe(false);
    expect((await reopen(dept)).status).toBe(403);
  });

  it('needs a reason', async () => {
    expect((await reopen(office, '')).status).toBe(400);
  });

  it('returns the plan to its unit with the reason, audited, and the unit revises and resubmits it', async () => {
    const res = await reopen(office);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'returned', returnReason: '对标值需按新统计口径调整' });
    expect(res.body.actions.reopen).toBe(false);
    expect(await auditOf(t, plan.id)).toEqual(['plan.create', 'plan.submit', 'plan.approve', 'plan.reopen']);
    const mine = await dept.get<Plan>(`/api/v1/targets/plans/${plan.id}`);
    expect(mine.body.actions).toMatchObject({ edit: true, submit: true, report: false });
    expect((await dept.post(`/api/v1/targets/plans/${plan.id}/submit`)).status).toBe(200);
    expect((await office.post(`/api/v1/targets/plans/${plan.id}/approve`)).status).toBe(200);
  });

  it('is refused once a quarter of the plan’s year is published, and no longer offered', async () => {
    await t.database.db
      .insert(targetScorecards)
      .values({ period: '2027Q1', status: 'published', result: { categories: [] }, publishedAt: new Date() });
    expect((await office.get<Plan>(`/api/v1/targets/plans/${plan.id}`)).body.actions.reopen).toBe(false);
    const res = await reopen(office);
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ path: 'year', code: 'plan_year_published', params: { period: '2027Q1' } }),
    ]);
    expect((await office.get<Plan>(`/api/v1/targets/plans/${plan.id}`)).body.status).toBe('approved');
  });
});
