import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina } from '../../kernel/deadlines.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import type { Plan } from './contracts/plans.js';
import type { Report } from './contracts/reports.js';
import { quarterEnded } from './queries/deadline.js';
import { firstIndicators, planBody, unitId } from './test-helpers.js';

describe('whether a quarter has ended, in China time', () => {
  it('is false on its last day and true from the next day at midnight UTC+8', () => {
    expect(quarterEnded('2026Q4', new Date('2026-12-05T02:00:00Z'))).toBe(false);
    expect(quarterEnded('2026Q4', new Date('2026-12-31T15:59:00Z'))).toBe(false);
    expect(quarterEnded('2026Q4', new Date('2026-12-31T16:00:00Z'))).toBe(true);
    expect(quarterEnded('2026Q3', new Date('2026-12-05T02:00:00Z'))).toBe(true);
  });
});

interface Problem {
  code: string;
  errors?: Array<{ path: string; code: string; params?: Record<string, unknown> }>;
}

describe('submitting a quarterly report', () => {
  let t: TestContext;
  let dept: TestClient;
  let plan: Plan;
  // The quarter under way whenever the test runs, and its plan's year.
  const today = todayInChina();
  const year = Number(today.slice(0, 4));
  const current = `${year}Q${Math.ceil(Number(today.slice(5, 7)) / 3)}`;
  beforeAll(async () => {
    t = await createTestContext();
    dept = await t.as('dept');
    const office = await t.as('office');
    const body = planBody(await unitId(t, 'QJ-D01'), await firstIndicators(dept, 2), year);
    plan = (await dept.post<Plan>('/api/v1/targets/plans', body)).body;
    await dept.post(`/api/v1/targets/plans/${plan.id}/submit`);
    plan = (await office.post<Plan>(`/api/v1/targets/plans/${plan.id}/approve`)).body;
  });
  afterAll(() => t.close());

  it('is refused before the quarter has ended, while its draft may be saved', async () => {
    expect(plan.status).toBe('approved');
    const created = await dept.post<Report>('/api/v1/targets/reports', {
      planId: plan.id,
      period: current,
      values: [{ indicatorId: plan.items[0]!.indicatorId, value: 1 }],
    });
    expect(created.status).toBe(201);
    const saved = await dept.put<Report>(`/api/v1/targets/reports/${created.body.id}`, {
      values: plan.items.map((i) => ({ indicatorId: i.indicatorId, value: 2 })),
      updatedAt: created.body.updatedAt,
    });
    expect(saved.status).toBe(200);
    const res = await dept.post<Problem>(`/api/v1/targets/reports/${created.body.id}/submit`);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION');
    expect(res.body.errors).toEqual([
      expect.objectContaining({ path: 'period', code: 'quarter_not_ended', params: expect.any(Object) }),
    ]);
    expect((await dept.get<Report>(`/api/v1/targets/reports/${created.body.id}`)).body.status).toBe('draft');
  });
});
