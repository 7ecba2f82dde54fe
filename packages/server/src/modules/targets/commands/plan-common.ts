import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import type { Tx } from '../../../db/transaction.js';
import { AppError, type FieldError, notFound } from '../../../errors.js';
import type { PlanItem } from '../contracts/plans.js';
import { canTarget } from '../policy.js';
import { loadPlan, planItemFigures, planItems } from '../queries/plans.js';
import { publishedQuartersOf } from '../queries/scorecards.js';
import { targetIndicators, targetPlanItems, targetPlans, targetRegions } from '../schema.js';
import { missingForSubmit } from './plan-complete.js';
import { negativeAllowed, unexplainedConcerns } from './plan-concerns.js';
import {
  checkStep,
  type ReviewStep,
  type StepLoaded,
  stepAudit,
  stepChanges,
  stepSources,
} from './review-common.js';

/** The items of a plan being written: each indicator once, every indicator and region known. */
export async function checkItems(db: Db, items: PlanItem[]): Promise<void> {
  const problems: FieldError[] = [];
  const seen = new Set<string>();
  items.forEach((item, k) => {
    if (seen.has(item.indicatorId))
      problems.push({ path: `items.${k}.indicatorId`, message: 'listed twice', code: 'listed_twice' });
    seen.add(item.indicatorId);
  });
  const ids = [...seen];
  const known = ids.length
    ? new Set(
        (
          await db
            .select({ id: targetIndicators.id })
            .from(targetIndicators)
            .where(inArray(targetIndicators.id, ids))
        ).map((r) => r.id),
      )
    : new Set<string>();
  const regionIds = [...new Set(items.flatMap((i) => (i.benchmarkRegionId ? [i.benchmarkRegionId] : [])))];
  const regions = regionIds.length
    ? new Set(
        (
          await db
            .select({ id: targetRegions.id })
            .from(targetRegions)
            .where(inArray(targetRegions.id, regionIds))
        ).map((r) => r.id),
      )
    : new Set<string>();
  items.forEach((item, k) => {
    if (!known.has(item.indicatorId))
      problems.push({
        path: `items.${k}.indicatorId`,
        message: 'unknown indicator',
        code: 'unknown_indicator',
      });
    if (item.benchmarkRegionId && !regions.has(item.benchmarkRegionId))
      problems.push({
        path: `items.${k}.benchmarkRegionId`,
        message: 'unknown region',
        code: 'unknown_region',
      });
  });
  if (problems.length) throw new AppError('VALIDATION', 'the plan items are invalid', problems);
}

export const itemRows = (planId: string, items: PlanItem[]) =>
  items.map((i, sort) => ({
    planId,
    indicatorId: i.indicatorId,
    base: i.base,
    targetQ1: i.targets[0],
    targetQ2: i.targets[1],
    targetQ3: i.targets[2],
    targetQ4: i.targets[3],
    benchmarkRegionId: i.benchmarkRegionId,
    benchmarkValue: i.benchmarkValue,
    weight: i.weight,
    justification: i.justification,
    sort,
  }));

/** Reads a plan for a review step (see review-common.ts) and checks the step may be taken. */
export async function loadPlanStep(
  ctx: ServiceContext,
  id: string,
  step: ReviewStep,
  reason?: string,
): Promise<StepLoaded> {
  const { row, unit } = await loadPlan(ctx.db, id);
  if (!canTarget(ctx.principal, 'plan.read', { unitPath: unit.path })) throw notFound('plan');
  const policy = step === 'submit' ? 'plan.submit' : step === 'reopen' ? 'plan.reopen' : 'plan.review';
  await checkStep(
    'plan',
    step,
    row.status,
    (status) => canTarget(ctx.principal, policy, { unitPath: unit.path, status }),
    {
      count: async () => {
        const [c] = await ctx.db
          .select({ n: sql<number>`count(*)::int` })
          .from(targetPlanItems)
          .where(eq(targetPlanItems.planId, id));
        return c?.n ?? 0;
      },
      empty: {
        path: 'items',
        message: 'a plan needs at least one indicator before it is submitted',
        code: 'plan_empty',
      },
    },
  );
  if (step === 'submit') {
    const items = await planItems(ctx.db, id);
    const missing = [
      ...missingForSubmit(
        row,
        items.map((i) => i.item),
      ),
      ...directionConcerns(items),
    ];
    if (missing.length) throw new AppError('VALIDATION', 'the plan is incomplete', missing);
  }
  if (step === 'reopen') refuseFrozenYear(row.year, await publishedQuartersOf(ctx.db, row.year));
  const changes = stepChanges(ctx, step, new Date(), reason);
  // A submission was checked complete as read: an edit in between must not slip blanks through.
  const unchangedSince = step === 'submit' ? { unchangedSince: row.updatedAt } : {};
  return {
    before: row.status,
    changes,
    after: reason ? { reason } : {},
    ...unchangedSince,
    ...(step === 'reopen' ? { year: row.year } : {}),
  };
}

/**
 * Refuses to reopen a plan whose year has a published quarter: that ranking was scored on the
 * plan's approved targets and stays public and frozen, while its reports would show the revised
 * ones, and the unit could no longer report against the plan until it is approved again.
 */
function refuseFrozenYear(year: number, published: string[]) {
  if (published.length)
    throw new AppError('INVALID_STATE', `a quarter of ${year} is published`, [
      {
        path: 'year',
        message: `the ${published[0]} scorecard is published; the plan it scored stays as approved`,
        code: 'plan_year_published',
        params: { period: published[0]! },
      },
    ]);
}

/** The rows' figures that go against their indicators' directions, unexplained (plan-concerns.ts). */
const directionConcerns = (items: Awaited<ReturnType<typeof planItems>>): FieldError[] =>
  items.flatMap(({ item, direction, name, measure }, k) =>
    unexplainedConcerns(k, planItemFigures(item), {
      direction,
      negativeAllowed: negativeAllowed(name, measure),
    }),
  );

/**
 * Inside a submission's write: the plan's indicators share-locked until it commits, in id order
 * as a change of direction holds them (holdIndicators in indicator-direction.ts), and its rows
 * checked again against the directions held. A flip that came first is seen here and refuses
 * the rows it turned the wrong way; one that comes later waits, then finds the plan submitted.
 */
async function holdDirections(tx: Tx, planId: string): Promise<void> {
  const used = tx
    .select({ id: targetPlanItems.indicatorId })
    .from(targetPlanItems)
    .where(eq(targetPlanItems.planId, planId));
  await tx
    .select({ id: targetIndicators.id })
    .from(targetIndicators)
    .where(inArray(targetIndicators.id, used))
    .orderBy(asc(targetIndicators.id))
    .for('share');
  const concerns = directionConcerns(await planItems(tx, planId));
  if (concerns.length)
    throw new AppError('VALIDATION', 'an indicator’s direction changed since the plan was checked', concerns);
}

/** Moves the plan, on condition it is still in a state the step leaves; the step's audit entry. */
export async function writePlanStep(tx: Tx, id: string, step: ReviewStep, loaded: StepLoaded) {
  if (step === 'submit') await holdDirections(tx, id);
  // Checked again in the transaction, under a share lock: a quarter published meanwhile refuses.
  if (step === 'reopen' && loaded.year !== undefined)
    refuseFrozenYear(loaded.year, await publishedQuartersOf(tx, loaded.year, true));
  const moved = await tx
    .update(targetPlans)
    .set(loaded.changes)
    .where(
      and(
        eq(targetPlans.id, id),
        inArray(targetPlans.status, stepSources(step)),
        loaded.unchangedSince ? eq(targetPlans.updatedAt, loaded.unchangedSince) : undefined,
      ),
    )
    .returning({ id: targetPlans.id });
  return stepAudit('plan', id, step, loaded, moved);
}
