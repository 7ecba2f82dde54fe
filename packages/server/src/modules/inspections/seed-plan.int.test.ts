import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina } from '../../kernel/deadlines.js';
import { createTestContext, type TestContext } from '../../test-support/app.js';
import type { Plan } from './contracts-plans.js';
import { demoLeftToPlan } from './seed/demo-data.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business', 'inspections'] });
});
afterAll(() => t.close());

describe('the demo’s joint plans', () => {
  it('leave a draw for the office to plan: the draft, of days to come, is made again to take it in', async () => {
    const office = await t.as('office');
    const before = await office.get<{ items: Plan[] }>('/api/v1/inspections/plans');
    expect(before.body.items.filter((p) => p.isDemo)).toHaveLength(2);
    const { id } = before.body.items.find((p) => p.isDemo && p.status === 'draft')!;
    const december = (await office.get<Plan>(`/api/v1/inspections/plans/${id}`)).body;
    expect(december.visits.flatMap((v) => v.tasks.map((k) => k.name))).not.toContain(demoLeftToPlan);
    // The draft's days, from the next working day after the day the demo was seeded.
    const form = {
      periodStart: december.periodStart,
      periodEnd: december.periodEnd,
      maxHoursPerVisit: 4,
      capacityPerDay: 2,
    };
    expect(december.periodStart > todayInChina()).toBe(true);
    // The demo's draft has those days: a second plan of them could book its firms twice.
    const refused = await office.post<{ errors: { code: string; params: object }[] }>(
      '/api/v1/inspections/plans',
      form,
    );
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0]).toMatchObject({
      code: 'plan_period_overlaps',
      params: { planId: december.id, start: december.periodStart, end: december.periodEnd },
    });
    expect((await office.delete(`/api/v1/inspections/plans/${december.id}`)).status).toBe(204);
    const res = await office.post<Plan>('/api/v1/inspections/plans', form);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.figures.planned).toBeGreaterThan(0);
    const tasks = new Set(res.body.visits.flatMap((v) => v.tasks.map((k) => k.name)));
    expect(tasks).toContain(demoLeftToPlan);
    expect(tasks.size).toBeGreaterThan(1);
  });
});
