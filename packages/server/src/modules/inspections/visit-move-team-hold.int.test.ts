import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../errors.js';
import { problemBody } from '../../http/problem.js';
import { createTestContext, type TestContext } from '../../test-support/app.js';
import { contextOf, holdingCommit, refusal } from '../../test-support/racing.js';
import { moveVisit } from './commands/moveVisit.js';
import { updateInspector } from './commands/saveInspector.js';
import { isoWeekday } from './queries/plan-input.js';
import { inspectionConflicts, inspectionInspectors, inspectionPlans, inspectionVisits } from './schema.js';

/**
 * What an inspector declares (a conflict with a firm, 回避; the weekdays they work) and a move of
 * a visit of theirs at the same moment: the move holds the team's rows while it checks them, and
 * a declaration writes the inspector's row first, so one waits for the other and the later sees
 * the earlier. The inspector is never booked at a firm, or on a day, they declared against.
 * PostgreSQL only: on PGlite's one connection every write waits for the other's commit whether
 * held or not, so there is no race to lose.
 */
let t: TestContext;
let ctx: ServiceContext;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business', 'inspections'] });
  ctx = await contextOf(t, await t.as('office'));
});
afterAll(() => t.close());

/** The inspector's declarations as they were before a test, put back after it whatever it left. */
let restore: (() => Promise<unknown>) | undefined;
afterEach(async () => {
  await restore?.();
  restore = undefined;
});

type VisitRow = typeof inspectionVisits.$inferSelect;

/** The first visit of the demo's draft plan, and its first inspector as they stand (put back after the test). */
async function draftVisit() {
  const { db } = t.database;
  const [draft] = await db.select().from(inspectionPlans).where(eq(inspectionPlans.status, 'draft'));
  const [visit] = await db
    .select()
    .from(inspectionVisits)
    .where(eq(inspectionVisits.planId, draft!.id))
    .orderBy(inspectionVisits.id)
    .limit(1);
  const [inspector] = await db
    .select()
    .from(inspectionInspectors)
    .where(eq(inspectionInspectors.id, visit!.inspectorIds[0]!));
  const conflicts = await db
    .select({ firmId: inspectionConflicts.firmId })
    .from(inspectionConflicts)
    .where(eq(inspectionConflicts.inspectorId, inspector!.id));
  const { id, workingDays } = inspector!;
  const conflictFirmIds = conflicts.map((c) => c.firmId);
  restore = () => updateInspector(ctx, id, { workingDays, conflictFirmIds });
  return {
    visit: visit!,
    inspector: inspector!,
    conflictFirmIds,
  };
}

/** The move of `visit` to its own date and team: every rule checked again, nothing else changed. */
const moveInPlace = (db: Db, visit: VisitRow) =>
  moveVisit(
    { ...ctx, db },
    { planId: visit.planId, visitId: visit.id, move: { date: visit.date, inspectorIds: visit.inspectorIds } },
  );

const problemOf = (e: unknown) => {
  expect(e).toBeInstanceOf(AppError);
  return problemBody(e as AppError, 'en');
};

describe.runIf(!!process.env.DATABASE_URL)('what an inspector declares as a visit of theirs moves', () => {
  it('a conflict declared while the move’s write is open waits for its commit', async () => {
    const { visit, inspector, conflictFirmIds } = await draftVisit();
    const held = holdingCommit(ctx.db, 1500);
    let landed = false;
    let landedMeanwhile: boolean | undefined;
    const declaring = held.holding.then(async () => {
      const declared = updateInspector(ctx, inspector.id, {
        conflictFirmIds: [...conflictFirmIds, visit.firmId],
      }).then(() => (landed = true));
      await new Promise((resolve) => setTimeout(resolve, 1200));
      landedMeanwhile = landed;
      await declared;
    });
    await Promise.all([moveInPlace(held.db, visit), declaring]);
    expect([landedMeanwhile, landed]).toEqual([false, true]);
  });

  it('a move made while a conflict’s declaration is uncommitted waits, sees it and is refused', async () => {
    const { visit, inspector, conflictFirmIds } = await draftVisit();
    const held = holdingCommit(ctx.db, 1000);
    const declared = updateInspector({ ...ctx, db: held.db }, inspector.id, {
      conflictFirmIds: [...conflictFirmIds, visit.firmId],
    });
    await held.holding;
    const moved = refusal(moveInPlace(ctx.db, visit));
    await declared;
    expect(problemOf(await moved)).toMatchObject({
      errors: [{ path: 'inspectorIds', code: 'inspector_conflict' }],
    });
  });

  it('a move made while the visit’s weekday is taken from the inspector’s is refused', async () => {
    const { visit, inspector } = await draftVisit();
    const day = isoWeekday(visit.date);
    const held = holdingCommit(ctx.db, 1000);
    const declared = updateInspector({ ...ctx, db: held.db }, inspector.id, {
      workingDays: inspector.workingDays.filter((d) => d !== day),
    });
    await held.holding;
    const moved = refusal(moveInPlace(ctx.db, visit));
    await declared;
    expect(problemOf(await moved)).toMatchObject({
      errors: [{ path: 'inspectorIds', code: 'inspector_off' }],
    });
  });
});
