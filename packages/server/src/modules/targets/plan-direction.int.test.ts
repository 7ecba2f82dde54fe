import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import type { Indicator } from './contracts/library.js';
import type { Plan } from './contracts/plans.js';
import { stampOf, unitId } from './test-helpers.js';

let t: TestContext;
let dept: TestClient;
let office: TestClient;
beforeAll(async () => {
  t = await createTestContext();
  dept = await t.as('dept');
  office = await t.as('office');
});
afterAll(() => t.close());

interface Problem {
  code: string;
  errors?: Array<{ path: string; code: string; params?: Record<string, unknown> }>;
}

const search = async (q: string) =>
  (
    await dept.get<{ items: Indicator[] }>(
      `/api/v1/targets/indicators?q=${encodeURIComponent(q)}&pageSize=50`,
    )
  ).body.items;

describe('a plan row whose figures go against its indicator', () => {
  let plan: Plan;
  let total: Indicator;
  let lowerBetter: Indicator;
  let growth: Indicator;

  beforeAll(async () => {
    total = (await search('地区生产总值')).find((i) => i.measure === '亿元' && i.direction === 'higher')!;
    lowerBetter = (await search('失业率')).find((i) => i.direction === 'lower')!;
    growth = (await search('增速')).find((i) => i.direction === 'higher')!;
    expect(total.negativeAllowed).toBe(false);
    expect(growth.negativeAllowed).toBe(true);
    const row = (i: Indicator, base: number, targets: number[]) => ({
      indicatorId: i.id,
      base,
      targets,
      benchmarkValue: 130,
    });
    const res = await dept.post<Plan>('/api/v1/targets/plans', {
      unitId: await unitId(t, 'QJ-D01'),
      year: 2027,
      contactName: '联络员',
      contactPhone: '13912345678',
      items: [
        // Higher is better, yet Q2 falls below the base; Q4 is negative for a total.
        row(total, 100, [105, 90, 110, -5]),
        // Lower is better, yet Q3 rises above the base.
        row(lowerBetter, 5, [4.8, 4.6, 5.5, 4.2]),
        // A growth rate may be negative, and from −3 % to −1 % is the right way.
        row(growth, -3, [-2.5, -2, -1.5, -1]),
      ],
    });
    expect(res.status).toBe(201);
    plan = res.body;
  });

  it('is sent with its direction and whether it may be negative, for the editor and the review to show', () => {
    expect(plan.items.map((i) => [i.direction, i.negativeAllowed, i.justification])).toEqual([
      ['higher', false, ''],
      ['lower', false, ''],
      ['higher', true, ''],
    ]);
  });

  it('keeps the plan from being submitted without a reason, naming each figure at fault', async () => {
    const res = await dept.post<Problem>(`/api/v1/targets/plans/${plan.id}/submit`);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION');
    expect(res.body.errors?.map((e) => [e.path, e.code])).toEqual([
      ['items.0.targets.1', 'target_wrong_way'],
      ['items.0.targets.3', 'target_wrong_way'],
      ['items.0.justification', 'justification_required'],
      ['items.1.targets.2', 'target_wrong_way'],
      ['items.1.justification', 'justification_required'],
    ]);
    expect(res.body.errors?.[0]?.params).toMatchObject({ base: 100, origin: 'higher' });
    expect(res.body.errors?.[3]?.params).toMatchObject({ base: 5, origin: 'lower' });
  });

  it('refuses a negative figure where the indicator cannot be negative', async () => {
    const res = await dept.put<Plan>(`/api/v1/targets/plans/${plan.id}`, {
      updatedAt: await stampOf(dept, 'plans', plan.id),
      contactName: '联络员',
      contactPhone: '13912345678',
      items: [{ indicatorId: total.id, base: -1, targets: [1, 2, 3, 4], benchmarkValue: -130 }],
    });
    expect(res.status).toBe(200);
    const refused = await dept.post<Problem>(`/api/v1/targets/plans/${plan.id}/submit`);
    expect(refused.body.errors?.map((e) => [e.path, e.code])).toEqual([
      ['items.0.base', 'negative_value'],
      ['items.0.benchmarkValue', 'negative_value'],
      ['items.0.justification', 'justification_required'],
    ]);
  });

  it('is submitted with the unit’s reason, which the office reads in its review', async () => {
    const reason = '受停产检修影响，二季度产值预计回落';
    const items = [
      {
        indicatorId: total.id,
        base: 100,
        targets: [105, 90, 110, 120],
        benchmarkValue: 130,
        justification: reason,
      },
      { indicatorId: growth.id, base: -3, targets: [-2.5, -2, -1.5, -1], benchmarkValue: 5 },
    ];
    const saved = await dept.put<Plan>(`/api/v1/targets/plans/${plan.id}`, {
      updatedAt: await stampOf(dept, 'plans', plan.id),
      contactName: '联络员',
      contactPhone: '13912345678',
      items,
    });
    expect(saved.status).toBe(200);
    expect((await dept.post(`/api/v1/targets/plans/${plan.id}/submit`)).status).toBe(200);
    const read = await office.get<Plan>(`/api/v1/targets/plans/${plan.id}`);
    expect(read.body.actions.review).toBe(true);
    expect(read.body.items.map((i) => i.justification)).toEqual([reason, '']);
  });
});
