import { and, eq, ne } from 'drizzle-orm';
import { actor, type ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import { AppError, forbidden, notFound } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import { todayInChina } from '../../../kernel/deadlines.js';
import type { RescheduleInput, Visit } from '../contracts-visits.js';
import { canInspect, mayEverInspect } from '../policy.js';
import { getVisit } from '../queries/visits.js';
import { inspectionPlans, inspectionVisitMoves, inspectionVisits } from '../schema.js';
import { maskedForAudit } from './audit-masked.js';
import { invalid } from './common.js';
import type { PlanRow } from './plan-common.js';
import { tellMoved } from './reschedule-notices.js';
import { loadVisit, type VisitRow } from './visit-common.js';
import { checkVisitMove, holdVisitDay } from './visit-rules.js';

interface RescheduleArgs extends RescheduleInput {
  visitId: string;
}

/** Only a visit not yet started moves: once the team is at the firm, the day is the day. */
function stillPlanned(visit: VisitRow): void {
  if (visit.status !== 'planned')
    throw new AppError('INVALID_STATE', 'the visit has started', [
      { path: 'visitId', message: 'started', code: 'visit_started' },
    ]);
}

/**
 * The rules of a published visit's new day, before the planner's own (visit-rules.ts): another
 * day than its own, not before today (the firm is told ahead), and no other visit of the firm
 * that day. Then every rule of a draft's move, with the drawn team kept.
 */
export async function checkReschedule(db: Db, plan: PlanRow, visit: VisitRow, date: string, lock = false) {
  if (date === visit.date) throw invalid('date', 'same_date', 'the visit is on this date already', { date });
  const today = todayInChina();
  if (date < today) throw invalid('date', 'date_past', 'the date has passed', { date, today });
  // Before the firm's visits that day are read: another move onto the day commits first.
  if (lock) await holdVisitDay(db, date);
  const [other] = await db
    .select({ id: inspectionVisits.id })
    .from(inspectionVisits)
    .where(
      and(
        eq(inspectionVisits.firmId, visit.firmId),
        eq(inspectionVisits.date, date),
        ne(inspectionVisits.id, visit.id),
      ),
    )
    .limit(1);
  if (other) throw invalid('date', 'firm_visited_that_day', 'the firm has another visit that day', { date });
  await checkVisitMove(db, plan, visit, { date, inspectorIds: visit.inspectorIds }, lock);
}

/**
 * Moves a visit of a published plan, not yet started, to another day (改期: weather, the firm
 * closed, an inspector ill), with the reason: the district office, which published the plan,
 * does it. The firm's staff, the team and the visit's departments are told in its transaction,
 * and the move joins the visit's history. The plan's row is held first, so two moves of its
 * visits take turns and the second is checked behind the first (an inspector's day may be full
 * now); the visit's row next, so a start waits for the move and a move after a start is refused.
 */
const command = defineCommand({
  name: 'inspectionVisit.reschedule',
  async load(ctx, { visitId, date }: RescheduleArgs) {
    if (!mayEverInspect(ctx.principal, 'visit.reschedule')) throw forbidden();
    const loaded = await loadVisit(ctx, visitId);
    if (!canInspect(ctx.principal, 'visit.reschedule', loaded.resource)) throw forbidden();
    stillPlanned(loaded.visit);
    const [plan] = await ctx.db
      .select()
      .from(inspectionPlans)
      .where(eq(inspectionPlans.id, loaded.visit.planId));
    if (!plan) throw notFound('visit');
    await checkReschedule(ctx.db, plan, loaded.visit, date);
    return loaded;
  },
  async write(tx, ctx, loaded, { visitId, date, reason }) {
    const [plan] = await tx
      .update(inspectionPlans)
      .set({ updatedAt: new Date() })
      .where(and(eq(inspectionPlans.id, loaded.visit.planId), eq(inspectionPlans.status, 'published')))
      .returning();
    if (!plan) throw notFound('visit');
    const [visit] = await tx
      .select()
      .from(inspectionVisits)
      .where(eq(inspectionVisits.id, visitId))
      .for('update');
    if (!visit) throw notFound('visit');
    stillPlanned(visit);
    await checkReschedule(tx, plan, visit, date, true);
    await tx
      .update(inspectionVisits)
      .set({ date, updatedAt: new Date() })
      .where(and(eq(inspectionVisits.id, visitId), eq(inspectionVisits.status, 'planned')));
    await tx.insert(inspectionVisitMoves).values({
      visitId,
      fromDate: visit.date,
      toDate: date,
      reason,
      movedBy: actor(ctx).userId,
    });
    const told = await tellMoved(tx, visit, date, reason);
    return {
      result: visitId,
      audit: {
        entityType: 'inspectionVisit',
        entityId: visitId,
        before: { date: visit.date },
        after: maskedForAudit({ date, reason, told }),
      },
    };
  },
});

export async function rescheduleVisit(ctx: ServiceContext, args: RescheduleArgs): Promise<Visit> {
  await command.run(ctx, args);
  return getVisit(ctx, args.visitId);
}
