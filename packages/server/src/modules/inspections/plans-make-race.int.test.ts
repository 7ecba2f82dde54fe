import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../context.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { contextOf, racing, refusal, sideBySide } from '../../test-support/racing.js';
import { createPlan as create } from './commands/createPlan.js';
import { PlanInput } from './contracts-plans.js';
import { inspectionPlans, inspectionVisitSources, inspectionVisits } from './schema.js';
import { drawnTask } from './test-helpers.js';

/**
 * Two office users making plans at the same moment: each drawn inspection is planned once and
 * plans never overlap, whichever commits first; the other is refused with what to do, never
 * with a bare conflict of the database. Its own year (2024) keeps the demo's plans out. Run on
 * PGlite, and on PostgreSQL with DATABASE_URL set (where the two transactions truly overlap).
 */
let t: TestContext;
let office: TestClient;
let officeCtx: ServiceContext;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business', 'inspections'] });
  office = await t.as('office');
  officeCtx = await contextOf(t, office);
});
afterAll(() => t.close());

/** As the route calls it: the body parsed, its defaults filled in. */
const createPlan = (ctx: ServiceContext, body: { periodStart: string; periodEnd: string }) =>
  create(ctx, PlanInput.parse(body));

const plansIn = async (year: string) =>
  (await t.database.db.select().from(inspectionPlans)).filter((p) => p.periodStart.startsWith(year));

describe('plans made at the same moment', () => {
  it('refuses a plan whose inspections another plan took meanwhile, naming that plan', async () => {
    // A task over March and April: each month's plan would book its firms.
    await drawnTask(t, office, ['QJ-D20'], { periodStart: '2024-03-01', periodEnd: '2024-04-30' }, '跨月');
    const april = { periodStart: '2024-04-01', periodEnd: '2024-04-30' };
    const other = await contextOf(t, await t.as('office'));
    let made = '';
    const meanwhile = async () => {
      made = (await createPlan(other, april)).id;
    };
    const refused = await refusal(
      createPlan(
        { ...officeCtx, db: racing(officeCtx.db, meanwhile) },
        { periodStart: '2024-03-01', periodEnd: '2024-03-31' },
      ),
    );
    expect(refused).toMatchObject({
      code: 'CONFLICT',
      errors: [
        {
          path: 'periodStart',
          code: 'planned_meanwhile',
          params: { planId: made, start: april.periodStart, end: april.periodEnd },
        },
      ],
    });
    // Nothing of March's plan was written: April's holds every inspection, once.
    expect((await plansIn('2024-03')).length).toBe(0);
    const sources = await t.database.db
      .select({ planId: inspectionVisits.planId })
      .from(inspectionVisitSources)
      .innerJoin(inspectionVisits, eq(inspectionVisits.id, inspectionVisitSources.visitId));
    expect(sources.length).toBeGreaterThan(0);
  });

  it('lets one of two overlapping plans be made, the other refused', async () => {
    // Two tasks on either side of the days both plans share: their inspections never meet.
    await drawnTask(t, office, ['QJ-D25'], { periodStart: '2024-06-03', periodEnd: '2024-06-07' }, '六月上');
    await drawnTask(t, office, ['QJ-D25'], { periodStart: '2024-06-24', periodEnd: '2024-06-28' }, '六月下');
    const inStep = sideBySide(2, 'after the first statement');
    const second = await contextOf(t, await t.as('office'));
    const results = await Promise.all([
      refusal(createPlan(inStep(officeCtx), { periodStart: '2024-06-01', periodEnd: '2024-06-20' })),
      refusal(createPlan(inStep(second), { periodStart: '2024-06-10', periodEnd: '2024-06-30' })),
    ]);
    const made = await plansIn('2024-06');
    expect(made).toHaveLength(1);
    expect(results.filter((r) => r === undefined)).toHaveLength(1);
    expect(results.find((r) => r !== undefined)).toMatchObject({
      code: 'VALIDATION',
      errors: [{ code: 'plan_period_overlaps', params: { planId: made[0]!.id } }],
    });
  });
});
