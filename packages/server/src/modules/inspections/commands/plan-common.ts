import { and, asc, eq, gte, inArray, lte, ne, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import type { Tx } from '../../../db/transaction.js';
import { AppError, forbidden, notFound } from '../../../errors.js';
import { firmsByIds } from '../../business/api.js';
import { canInspect } from '../policy.js';
import { type Source, sourceKey } from '../queries/plan-input.js';
import {
  inspectionFirmProfiles,
  inspectionPlans,
  inspectionVisitSources,
  inspectionVisits,
} from '../schema.js';
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

/** A published plan was told to the firms: it is neither changed nor deleted. */
export const planPublished = () =>
  new AppError('INVALID_STATE', 'the plan is published', [
    { path: 'status', message: 'the plan is published', code: 'plan_published' },
  ]);

/** A plan still a draft: a published plan was told to the firms and stays as told. */
export async function loadDraft(ctx: ServiceContext, id: string): Promise<PlanRow> {
  mayPlan(ctx);
  const row = await loadPlan(ctx, id);
  if (row.status !== 'draft') throw planPublished();
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

/** Distinct from every other advisory lock the platform takes (the audit chain's is 7_310_001). */
const PLAN_MAKING_LOCK = 7_310_002;

/**
 * In a plan's making transaction: waits for any other plan being made to commit, so that its
 * checks (no overlap, nothing planned twice) see that plan. Two plans made at the same moment
 * would otherwise each pass them before the other was written.
 */
export async function holdPlanMaking(tx: Tx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${PLAN_MAKING_LOCK})`);
}

/**
 * Refuses a drafted plan one of whose planned inspections another plan took since it was drafted
 * (a task running over both periods), naming that plan and its period: each drawn inspection is
 * planned once. The office makes the plan again and gets what is left.
 */
export async function refusePlannedMeanwhile(db: Db, sources: readonly Source[]): Promise<void> {
  const taskIds = [...new Set(sources.map((s) => s.taskId))];
  if (taskIds.length === 0) return;
  const wanted = new Set(sources.map((s) => s.key));
  const planned = await db
    .select({
      taskId: inspectionVisitSources.taskId,
      firmId: inspectionVisitSources.firmId,
      unitId: inspectionVisitSources.unitId,
      plan: inspectionPlans,
    })
    .from(inspectionVisitSources)
    .innerJoin(inspectionVisits, eq(inspectionVisits.id, inspectionVisitSources.visitId))
    .innerJoin(inspectionPlans, eq(inspectionPlans.id, inspectionVisits.planId))
    .where(inArray(inspectionVisitSources.taskId, taskIds));
  const taken = planned.find((p) => wanted.has(sourceKey(p)));
  if (taken)
    throw new AppError(
      'CONFLICT',
      `an inspection of the period was planned meanwhile by the plan of ${taken.plan.periodStart} to ${taken.plan.periodEnd} (${taken.plan.id})`,
      [
        {
          path: 'periodStart',
          message: 'planned meanwhile',
          code: 'planned_meanwhile',
          params: { planId: taken.plan.id, start: taken.plan.periodStart, end: taken.plan.periodEnd },
        },
      ],
    );
}

/**
 * Refuses a drafted plan with a visit on a date the office blocked for its firm since the plan
 * was drafted (setFirmRisk waits for a plan being made, and this runs after holdPlanMaking, so
 * one of the two sees the other). The office makes the plan again, which plans around the date.
 */
export async function refuseBlockedMeanwhile(
  db: Db,
  visits: readonly { firmId: string; date: string }[],
): Promise<void> {
  const firmIds = [...new Set(visits.map((v) => v.firmId))];
  if (firmIds.length === 0) return;
  const profiles = await db
    .select({ firmId: inspectionFirmProfiles.firmId, blocked: inspectionFirmProfiles.blockedDates })
    .from(inspectionFirmProfiles)
    .where(inArray(inspectionFirmProfiles.firmId, firmIds));
  const blocked = new Map(profiles.map((p) => [p.firmId, new Set(p.blocked)]));
  const hit = visits.find((v) => blocked.get(v.firmId)?.has(v.date));
  if (!hit) return;
  const firm = (await firmsByIds(db, [hit.firmId])).get(hit.firmId)?.name ?? '';
  throw new AppError(
    'CONFLICT',
    `${firm} was marked not to be visited on ${hit.date} while this plan was made`,
    [
      {
        path: 'periodStart',
        message: 'blocked meanwhile',
        code: 'blocked_meanwhile',
        params: { date: hit.date, firm },
      },
    ],
  );
}
