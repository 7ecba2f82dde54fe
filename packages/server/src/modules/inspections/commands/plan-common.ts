import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { AppError, forbidden, notFound } from '../../../errors.js';
import { canInspect } from '../policy.js';
import { inspectionPlans } from '../schema.js';

export type PlanRow = typeof inspectionPlans.$inferSelect;

/** The district office's refusal before any lookup: plans cross departments. */
export function mayPlan(ctx: ServiceContext): void {
  if (!canInspect(ctx.principal, 'plan.write')) throw forbidden();
}

/** A plan the reader may read; NOT_FOUND otherwise. */
export async function loadPlan(ctx: ServiceContext, id: string): Promise<PlanRow> {
  if (!canInspect(ctx.principal, 'plan.read')) throw forbidden();
  const [row] = await ctx.db.select().from(inspectionPlans).where(eq(inspectionPlans.id, id));
  if (!row) throw notFound('plan');
  return row;
}

/** A plan still a draft: a published plan was told to the firms and stays as told. */
export async function loadDraft(ctx: ServiceContext, id: string): Promise<PlanRow> {
  mayPlan(ctx);
  const row = await loadPlan(ctx, id);
  if (row.status !== 'draft') throw new AppError('INVALID_STATE', 'the plan is published');
  return row;
}
