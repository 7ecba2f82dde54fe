import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test-support/app.js';
import { contextOf, racing, refusal } from '../../test-support/racing.js';
import { publishPlan } from './commands/publishPlan.js';
import { inspectionPlans } from './schema.js';
import { auditOf } from './test-helpers.js';

/**
 * A publication checks again, behind the plan-making lock, that no plan of its days was committed
 * after its first check. Run on PGlite, and on PostgreSQL with DATABASE_URL set.
 */
let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business', 'inspections'] });
});
afterAll(() => t.close());

const addDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe('a plan of the same days committed while a draft is being published', () => {
  it('refuses the publication, which tells no firm', async () => {
    const db = t.database.db;
    const [draft] = await db.select().from(inspectionPlans).where(eq(inspectionPlans.status, 'draft'));
    expect(draft).toBeDefined();
    // Another plan over some of its days, committed after the publication's first check.
    const meanwhile = () =>
      db.insert(inspectionPlans).values({
        periodStart: addDays(draft!.periodEnd, -3),
        periodEnd: addDays(draft!.periodEnd, 4),
        maxHoursPerVisit: 4,
        inspectorsPerVisit: 2,
        capacityPerDay: 2,
        separateVisits: 0,
        lowerBound: 0,
      });
    const ctx = await contextOf(t, await t.as('office'));
    const refused = await refusal(publishPlan({ ...ctx, db: racing(ctx.db, meanwhile) }, draft!.id));
    expect(refused).toMatchObject({
      code: 'VALIDATION',
      errors: [expect.objectContaining({ path: 'periodStart', code: 'plan_period_overlaps' })],
    });
    const [after] = await db.select().from(inspectionPlans).where(eq(inspectionPlans.id, draft!.id));
    expect(after!.status).toBe('draft');
    expect(await auditOf(t, draft!.id)).not.toContain('inspectionPlan.publish');
  });
});
