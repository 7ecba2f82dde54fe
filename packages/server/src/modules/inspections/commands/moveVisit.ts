import { and, eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { notFound } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import type { Plan, VisitMove } from '../contracts-plans.js';
import { getPlan } from '../queries/plans.js';
import { inspectionPlans, inspectionVisits } from '../schema.js';
import { loadDraft, planPublished } from './plan-common.js';
import { checkVisitMove } from './visit-rules.js';

interface MoveInput {
  planId: string;
  visitId: string;
  move: VisitMove;
}

/**
 * Moves a visit of a draft plan to another date or team, every hard rule checked again. The
 * plan's draft state is checked again at the write, before anything changes: a plan published
 * meanwhile by another office user was told to the firms with this visit's date. The rules are
 * checked once more behind the plan's row: another move made meanwhile may have filled an
 * inspector's day, and two moves at once would otherwise both pass a check made before either;
 * the firm's blocked dates, and the team's inspectors and accounts, are held until it commits, so
 * a date blocked, or an inspector taken off duty or disabled, at the same moment is seen.
 */
const command = defineCommand({
  name: 'inspectionPlan.moveVisit',
  async load(ctx, { planId, visitId, move }: MoveInput) {
    const plan = await loadDraft(ctx, planId);
    const [visit] = await ctx.db
      .select()
      .from(inspectionVisits)
      .where(and(eq(inspectionVisits.id, visitId), eq(inspectionVisits.planId, planId)));
    if (!visit) throw notFound('visit');
    await checkVisitMove(ctx.db, plan, visit, move);
    return { visit };
  },
  async write(tx, _ctx, loaded, { planId, move }) {
    const inspectorIds = [...move.inspectorIds].sort();
    // The plan's row first: it stays locked until the move commits, so a publication, and any
    // other move of the plan's visits, waits for it.
    const [plan] = await tx
      .update(inspectionPlans)
      .set({ updatedAt: new Date() })
      .where(and(eq(inspectionPlans.id, planId), eq(inspectionPlans.status, 'draft')))
      .returning();
    if (!plan) throw planPublished();
    const [visit] = await tx
      .select()
      .from(inspectionVisits)
      .where(and(eq(inspectionVisits.id, loaded.visit.id), eq(inspectionVisits.planId, planId)));
    if (!visit) throw notFound('visit');
    await checkVisitMove(tx, plan, visit, move, true);
    await tx
      .update(inspectionVisits)
      .set({ date: move.date, inspectorIds, updatedAt: new Date() })
      .where(and(eq(inspectionVisits.id, visit.id), eq(inspectionVisits.planId, planId)));
    return {
      result: planId,
      audit: {
        entityType: 'inspectionVisit',
        entityId: visit.id,
        before: { date: visit.date, inspectorIds: visit.inspectorIds },
        after: { date: move.date, inspectorIds },
      },
    };
  },
});

export async function moveVisit(ctx: ServiceContext, input: MoveInput): Promise<Plan> {
  return getPlan(ctx, await command.run(ctx, input));
}
