import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import type { InspectionTask } from './contracts.js';
import type { Plan } from './contracts-plans.js';
import { itemsOf, unitId } from './test-helpers.js';

/**
 * A plan's lower bound counts its tasks' periods: a firm drawn by a task of a plan's first half
 * and by one of its second needs two visits, however few their hours, and a plan that makes two is
 * not over its bound. Its own year (2023) keeps the demo's plans out. Run on PGlite, and on
 * PostgreSQL with DATABASE_URL set.
 */
let t: TestContext;
let office: TestClient;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business', 'inspections'] });
  office = await t.as('office');
});
afterAll(() => t.close());

/** A task of QJ-D20 (one hour at each firm) drawing every high-risk firm, announced and drawn. */
async function everyHighFirm(periodStart: string, periodEnd: string, high: number) {
  const created = await office.post<InspectionTask>('/api/v1/inspections/tasks', {
    title: `全部高风险企业 ${periodStart}`,
    unitIds: [await unitId(t, 'QJ-D20')],
    itemIds: (await itemsOf(t, 'QJ-D20')).map((i) => i.id),
    sample: { high, medium: 0, low: 0 },
    inspectorsPerVisit: 1,
    periodStart,
    periodEnd,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  expect((await office.post(`/api/v1/inspections/tasks/${created.body.id}/announce`)).status).toBe(200);
  const drawn = await office.post<InspectionTask>(`/api/v1/inspections/tasks/${created.body.id}/draw`);
  expect(drawn.status).toBe(200);
  return drawn.body;
}

describe('a plan whose tasks’ periods share no day', () => {
  it('bounds each firm drawn by both at two visits, and makes no more', async () => {
    const counts = await office.get<{ high: number }>('/api/v1/inspections/firms/risk-counts');
    const high = counts.body.high;
    expect(high).toBeGreaterThan(0);
    const first = await everyHighFirm('2023-05-04', '2023-05-12', high);
    const last = await everyHighFirm('2023-05-18', '2023-05-31', high);
    expect(first.visits.map((v) => v.firm.id).sort()).toEqual(last.visits.map((v) => v.firm.id).sort());

    // Room enough that every inspection is booked: the bound, not the staff, is under test.
    const res = await office.post<Plan>('/api/v1/inspections/plans', {
      periodStart: '2023-05-01',
      periodEnd: '2023-05-31',
      capacityPerDay: 10,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const plan = res.body;
    expect(plan.unplanned.map((u) => [u.code, u.inspectors])).toEqual([]);
    // Two hours a firm fit one visit of four hours; the periods do not.
    expect(plan.figures.lowerBound).toBe(2 * high);
    expect(plan.figures.visits).toBe(2 * high);
    expect(plan.figures.overLowerBound).toBe(0);
  });
});
