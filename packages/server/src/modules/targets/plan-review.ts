import { and, eq, inArray, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../context.js';
import { notFound } from '../../errors.js';
import type { Plan } from './contracts.js';
import { getPlan, loadPlan } from './plans.js';
import { canTarget } from './policy.js';
import { checkStep, commitStep, type ReviewStep, stepChanges, stepSources } from './review-flow.js';
import { targetPlanItems, targetPlans } from './schema.js';

/** One state change of a plan (see review-flow.ts). */
async function movePlan(ctx: ServiceContext, id: string, step: ReviewStep, reason?: string): Promise<Plan> {
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
  const changes = stepChanges(ctx, step, new Date(), reason);
  await commitStep(
    ctx,
    { what: 'plan', id, step, before: row.status, after: reason ? { reason } : {} },
    (tx) =>
      tx
        .update(targetPlans)
        .set(changes)
        .where(and(eq(targetPlans.id, id), inArray(targetPlans.status, stepSources(step))))
        .returning({ id: targetPlans.id }),
  );
  return getPlan(ctx, id);
}

export const submitPlan = (ctx: ServiceContext, id: string) => movePlan(ctx, id, 'submit');
export const approvePlan = (ctx: ServiceContext, id: string) => movePlan(ctx, id, 'approve');
export const returnPlan = (ctx: ServiceContext, id: string, reason: string) =>
  movePlan(ctx, id, 'return', reason);
