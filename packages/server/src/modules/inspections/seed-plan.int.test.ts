import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test-support/app.js';
import type { Plan } from './contracts-plans.js';
import { demoLeftToPlan } from './seed/demo-data.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business', 'inspections'] });
});
afterAll(() => t.close());

describe('the demo’s joint plans', () => {
  it('leave a draw of December for the office to plan in the period the plan form offers', async () => {
    const office = await t.as('office');
    const before = await office.get<{ items: Plan[] }>('/api/v1/inspections/plans');
    // What the form proposes on Saturday 5 December 2026: the next working day to the month's end.
    const res = await office.post<Plan>('/api/v1/inspections/plans', {
      periodStart: '2026-12-07',
      periodEnd: '2026-12-31',
      maxHoursPerVisit: 4,
      capacityPerDay: 2,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.figures.planned).toBeGreaterThan(0);
    const tasks = new Set(res.body.visits.flatMap((v) => v.tasks.map((k) => k.name)));
    expect([...tasks]).toEqual([demoLeftToPlan]);
    expect(before.body.items.filter((p) => p.isDemo)).toHaveLength(2);
  });
});
