import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { contextOf, refusal, sideBySide } from '../../test-support/racing.js';
import { rescheduleVisit } from './commands/rescheduleVisit.js';
import { mayMoveTo, publishedPlan, workdaysOf } from './reschedule-helpers.js';
import { inspectionPlans, inspectionVisits } from './schema.js';

/**
 * Two published plans of the same days (published before plans were kept apart) and two office
 * users moving a visit of each, at the same moment, onto one day of an inspector both share (one
 * visit a day). Each move holds only its own plan's row; the day is held too, so the second waits
 * for the first, sees it and is refused, and the inspector is never booked twice. PostgreSQL only:
 * on PGlite's one connection the moves take turns whether held or not, so there is no race to lose.
 */
let t: TestContext;
let office: TestClient;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business', 'inspections'] });
  office = await t.as('office');
});
afterAll(() => t.close());

describe.runIf(!!process.env.DATABASE_URL)('reschedules in two overlapping published plans at once', () => {
  it('book a shared inspector once on the day: the second is refused', async () => {
    const { plan, visits } = await publishedPlan(t, office, '旧计划改期');
    let found: { a: (typeof visits)[number]; b: (typeof visits)[number]; day: string } | undefined;
    for (const a of visits)
      for (const b of visits) {
        if (found || a.id >= b.id || a.firmId === b.firmId) continue;
        if (!a.inspectorIds.some((p) => b.inspectorIds.includes(p))) continue;
        for (const day of workdaysOf(plan))
          if (!found && (await mayMoveTo(t, plan, a, day)) && (await mayMoveTo(t, plan, b, day)))
            found = { a, b, day };
      }
    expect(found, 'two visits sharing an inspector, free on one day').toBeDefined();
    const { a, b, day } = found!;
    // The second plan, over the same days, takes visit b: two plans as they were published
    // before a plan's period had to be its own.
    const db = t.database.db;
    const { id: _id, createdAt: _c, updatedAt: _u, ...same } = plan;
    const [legacy] = await db.insert(inspectionPlans).values(same).returning();
    await db.update(inspectionVisits).set({ planId: legacy!.id }).where(eq(inspectionVisits.id, b.id));

    const inStep = sideBySide(2, 'before commit', 400);
    const first = await contextOf(t, office);
    const second = await contextOf(t, await t.as('office'));
    const results = await Promise.all([
      refusal(rescheduleVisit(inStep(first), { visitId: a.id, date: day, reason: '企业停产检修' })),
      refusal(rescheduleVisit(inStep(second), { visitId: b.id, date: day, reason: '检查人员病假' })),
    ]);
    expect(results.filter((r) => r === undefined)).toHaveLength(1);
    expect(results.find((r) => r !== undefined)).toMatchObject({
      code: 'VALIDATION',
      errors: [expect.objectContaining({ path: 'inspectorIds', code: 'inspector_full' })],
    });
    const shared = a.inspectorIds.find((p) => b.inspectorIds.includes(p))!;
    const thatDay = await db.select().from(inspectionVisits).where(eq(inspectionVisits.date, day));
    expect(thatDay.filter((v) => v.inspectorIds.includes(shared))).toHaveLength(1);
  });
});
