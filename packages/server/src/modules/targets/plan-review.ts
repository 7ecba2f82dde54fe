import { and, eq, inArray, sql } from 'drizzle-orm';
import { audit } from '../../audit/audit.js';
import { actor, type ServiceContext } from '../../context.js';
import { AppError, forbidden, notFound } from '../../errors.js';
import type { Plan } from './contracts.js';
import { getPlan, loadPlan } from './plans.js';
import { canTarget } from './policy.js';
import { targetPlanItems, targetPlans } from './schema.js';

type Status = (typeof targetPlans.$inferSelect)['status'];

/**
 * One state change of a plan: draft|returned → submitted (the unit), submitted → approved |
 * returned (the office). The update is conditional on the state read, so two reviewers
 * racing cannot both succeed.
 */
async function movePlan(
  ctx: ServiceContext,
  id: string,
  action: 'plan.submit' | 'plan.approve' | 'plan.return',
  to: Status,
  reason?: string,
): Promise<Plan> {
  const { row, unit } = await loadPlan(ctx.db, id);
  const policy = action === 'plan.submit' ? 'plan.submit' : 'plan.review';
  if (!canTarget(ctx.principal, 'plan.read', { unitPath: unit.path })) throw notFound('plan');
  const from: Status[] = action === 'plan.submit' ? ['draft', 'returned'] : ['submitted'];
  // Allowed in some state at all? Then a wrong state is INVALID_STATE, not FORBIDDEN.
  const anyState = from.some((s) => canTarget(ctx.principal, policy, { unitPath: unit.path, status: s }));
  if (!anyState) throw forbidden();
  if (!from.includes(row.status)) throw new AppError('INVALID_STATE', `the plan is ${row.status}`);
  if (action === 'plan.submit') {
    const [count] = await ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(targetPlanItems)
      .where(eq(targetPlanItems.planId, id));
    if (!count?.n)
      throw new AppError('INVALID_STATE', 'a plan needs at least one indicator before it is submitted');
  }
  const now = new Date();
  const changes =
    action === 'plan.submit'
      ? { status: to, submittedAt: now, returnReason: null, updatedAt: now }
      : {
          status: to,
          reviewedAt: now,
          reviewedBy: ctx.principal!.userId,
          returnReason: reason ?? null,
          updatedAt: now,
        };
  await ctx.db.transaction(async (tx) => {
    const done = await tx
      .update(targetPlans)
      .set(changes)
      .where(and(eq(targetPlans.id, id), inArray(targetPlans.status, from)))
      .returning({ id: targetPlans.id });
    if (!done.length) throw new AppError('INVALID_STATE', 'the plan changed meanwhile');
    await audit(tx, actor(ctx), {
      action,
      entityType: 'plan',
      entityId: id,
      before: { status: row.status },
      after: { status: to, ...(reason ? { reason } : {}) },
    });
  });
  return getPlan(ctx, id);
}

export const submitPlan = (ctx: ServiceContext, id: string) => movePlan(ctx, id, 'plan.submit', 'submitted');
export const approvePlan = (ctx: ServiceContext, id: string) => movePlan(ctx, id, 'plan.approve', 'approved');
export const returnPlan = (ctx: ServiceContext, id: string, reason: string) =>
  movePlan(ctx, id, 'plan.return', 'returned', reason);
