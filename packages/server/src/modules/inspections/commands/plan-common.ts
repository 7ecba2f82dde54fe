import { and, asc, eq, gte, lte, ne } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import { AppError, forbidden, notFound } from '../../../errors.js';
import { canInspect } from '../policy.js';
import { inspectionPlans } from '../schema.js';
import { invalid } from './common.js';

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

/**
 * Refuses a period that overlaps another plan's, draft or published, naming that plan and its
 * period. A firm drawn by several tasks is visited once per period only if all its drawn
 * inspections of the period are merged by one plan: two plans over the same days would each book
 * it, and the firm would receive two teams. A draft is deleted and made again to take in a later
 * draw; a published plan's period is followed by the next plan's.
 */
export async function refuseOverlap(
  db: Db,
  period: { periodStart: string; periodEnd: string },
  exceptId?: string,
): Promise<void> {
  const [other] = await db
    .select()
    .from(inspectionPlans)
    .where(
      and(
        lte(inspectionPlans.periodStart, period.periodEnd),
        gte(inspectionPlans.periodEnd, period.periodStart),
        exceptId ? ne(inspectionPlans.id, exceptId) : undefined,
      ),
    )
    .orderBy(asc(inspectionPlans.periodStart), asc(inspectionPlans.id))
    .limit(1);
  if (other)
    throw invalid(
      'periodStart',
      'plan_period_overlaps',
      `the period overlaps the ${other.status} plan of ${other.periodStart} to ${other.periodEnd} (${other.id})`,
      { planId: other.id, status: other.status, start: other.periodStart, end: other.periodEnd },
    );
}
