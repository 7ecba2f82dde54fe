import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../context.js';
import { todayInChina } from '../../kernel/deadlines.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { contextOf, racing, refusal } from '../../test-support/racing.js';
import { accountsByIds } from '../users/api.js';
import { rescheduleVisit } from './commands/rescheduleVisit.js';
import { startVisit } from './commands/startVisit.js';
import { accountsOfInspectors } from './commands/visit-common.js';
import { mayMoveTo, publishedPlan, workdaysOf } from './reschedule-helpers.js';
import { inspectionPlans, inspectionVisitMoves, inspectionVisits } from './schema.js';
import { auditOf } from './test-helpers.js';

/**
 * Reschedules side by side: two office users moving two published visits onto the same day of an
 * inspector they share (one visit a day), and a team starting a visit moved meanwhile. Run on
 * PGlite, and on PostgreSQL with DATABASE_URL set.
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

describe('reschedules side by side', () => {
  it('lets the first move onto an inspector’s day and refuses the second, which writes nothing', async () => {
    const { plan, visits } = await publishedPlan(t, office, '改期竞争');
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
    const other = await contextOf(t, await t.as('office'));
    const first = () => rescheduleVisit(other, { visitId: a.id, date: day, reason: '企业停产检修' });
    const refused = await refusal(
      rescheduleVisit(
        { ...officeCtx, db: racing(officeCtx.db, first) },
        { visitId: b.id, date: day, reason: '检查人员病假' },
      ),
    );
    expect(refused).toMatchObject({
      code: 'VALIDATION',
      errors: [expect.objectContaining({ path: 'inspectorIds', code: 'inspector_full' })],
    });
    const db = t.database.db;
    const [movedA] = await db.select().from(inspectionVisits).where(eq(inspectionVisits.id, a.id));
    const [keptB] = await db.select().from(inspectionVisits).where(eq(inspectionVisits.id, b.id));
    expect(movedA!.date).toBe(day);
    expect(keptB).toEqual(b);
    expect(
      await db.select().from(inspectionVisitMoves).where(eq(inspectionVisitMoves.visitId, b.id)),
    ).toEqual([]);
    expect(await auditOf(t, b.id)).toEqual([]);
  });

  it('does not start a visit moved to a later day after the team’s check of its date', async () => {
    // The demo's published week: a visit still to do, on a day already come.
    const [row] = await t.database.db
      .select({ visit: inspectionVisits })
      .from(inspectionVisits)
      .innerJoin(inspectionPlans, eq(inspectionPlans.id, inspectionVisits.planId))
      .where(and(eq(inspectionPlans.status, 'published'), eq(inspectionVisits.status, 'planned')))
      .orderBy(inspectionVisits.date);
    const visit = row!.visit;
    expect(visit.date <= todayInChina()).toBe(true);
    const [member] = await accountsOfInspectors(t.database.db, visit.inspectorIds);
    const inspector = await t.as((await accountsByIds(t.database.db, [member!])).get(member!)!.login);
    const ctx = await contextOf(t, inspector);
    // The office's reschedule as it writes the visit: the new day, later than today.
    const moved = () =>
      t.database.db
        .update(inspectionVisits)
        .set({ date: '2099-12-31' })
        .where(eq(inspectionVisits.id, visit.id));
    const refused = await refusal(startVisit({ ...ctx, db: racing(ctx.db, moved) }, visit.id));
    expect(refused).toMatchObject({ code: 'INVALID_STATE' });
    const [kept] = await t.database.db
      .select()
      .from(inspectionVisits)
      .where(eq(inspectionVisits.id, visit.id));
    expect(kept!.status).toBe('planned');
  });
});
