import { and, eq, inArray, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import type { Tx } from '../../../db/transaction.js';
import { AppError, type FieldError, notFound } from '../../../errors.js';
import type { PlanItem } from '../contracts/plans.js';
import { canTarget } from '../policy.js';
import { loadPlan, planItems } from '../queries/plans.js';
import { targetIndicators, targetPlanItems, targetPlans, targetRegions } from '../schema.js';
import { missingForSubmit } from './plan-complete.js';
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
  const policy = step === 'submit' ? 'plan.submit' : 'plan.review';
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
      empty: 'a plan needs at least one indicator before it is submitted',
    },
  );
  if (step === 'submit') {
    const missing = missingForSubmit(
      row,
      (await planItems(ctx.db, id)).map((i) => i.item),
    );
    if (missing.length) throw new AppError('VALIDATION', 'the plan is incomplete', missing);
  }
  const changes = stepChanges(ctx, step, new Date(), reason);
  // A submission was checked complete as read: an edit in between must not slip blanks through.
  const unchangedSince = step === 'submit' ? { unchangedSince: row.updatedAt } : {};
  return { before: row.status, changes, after: reason ? { reason } : {}, ...unchangedSince };
}

/** Moves the plan, on condition it is still in a state the step leaves; the step's audit entry. */
export async function writePlanStep(tx: Tx, id: string, step: ReviewStep, loaded: StepLoaded) {
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
