import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transaction } from '../../db/transaction.js';
import { todayInChina } from '../../kernel/deadlines.js';
import { notifications } from '../../kernel/schema.js';
import { createTestContext, type TestContext } from '../../test-support/app.js';
import { firmMemberIds } from '../business/api.js';
import type { Plan } from './contracts-plans.js';
import { inspectionInspectors, inspectionPlans, inspectionVisits } from './schema.js';
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

  it('left the notices of the published week as its publication sends them: each firm’s staff and each inspector of a team', async () => {
    const { db } = t.database;
    const [week] = await db.select().from(inspectionPlans).where(eq(inspectionPlans.status, 'published'));
    const visits = await db.select().from(inspectionVisits).where(eq(inspectionVisits.planId, week!.id));
    expect(visits.length).toBeGreaterThan(0);
    const userOf = new Map(
      (await db.select().from(inspectionInspectors)).map((p) => [p.id, p.userId] as const),
    );
    const told = await db.select().from(notifications);
    const assigned = told.filter((n) => n.key === 'inspections.notice.assigned');
    const expected = visits.flatMap((v) =>
      v.inspectorIds.map((p) => ({
        userId: userOf.get(p),
        params: { visitId: v.id, firm: expect.any(String), date: v.date, departments: expect.any(String) },
      })),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(assigned.map((n) => ({ userId: n.userId, params: n.params }))).toEqual(
      expect.arrayContaining(expected),
    );
    expect(assigned).toHaveLength(expected.length);
    for (const n of assigned) expect(n.params.firm).not.toBe('');
    const members = await transaction(db, async (tx) =>
      Promise.all(visits.map(async (v) => ({ v, ids: await firmMemberIds(tx, v.firmId) }))),
    );
    for (const { v, ids } of members)
      for (const userId of ids)
        expect(
          told.some(
            (n) => n.userId === userId && n.key === 'inspections.notice.visit' && n.params.date === v.date,
          ),
        ).toBe(true);
  });
});
