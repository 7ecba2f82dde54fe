import { and, eq, inArray, notInArray } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Tx } from '../../../db/transaction.js';
import { forbidden, notFound } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import { wrongState } from '../../../kernel/workflow.js';
import type { Plan, PlanUpdate } from '../contracts/plans.js';
import { canTarget } from '../policy.js';
import { getPlan, loadPlan } from '../queries/plans.js';
import { publishedQuartersOf } from '../queries/scorecards.js';
import { targetPlanItems, targetPlans, targetReports, targetReportValues } from '../schema.js';
import { maskedForAudit } from './audit-masked.js';
import { editedMeanwhile } from './edited-meanwhile.js';
import { checkItems, itemRows } from './plan-common.js';
import { reviewEntity } from './review-common.js';

/**
 * A revised plan's reports of quarters not published hold values only of indicators it listed
 * before and lists still. A dropped indicator's values go with its item, so no report holds (or,
 * once the plan is approved again, scores) a value of an indicator its plan no longer lists; an
 * indicator planned anew starts empty, whatever was stored of it before (a value of an earlier
 * plan of it, kept hidden while unplanned, would otherwise show and score again unasked).
 * Reports of a published quarter stay as they were, hidden values included: the ranking
 * published is history, and an indicator planned again shows there what was reported then.
 */
async function clearUnplannedValues(
  tx: Tx,
  planId: string,
  year: number,
  before: ReadonlySet<string>,
  items: PlanUpdate['items'],
) {
  const published = await publishedQuartersOf(tx, year, true);
  const reports = tx
    .select({ id: targetReports.id })
    .from(targetReports)
    .where(
      and(
        eq(targetReports.planId, planId),
        published.length ? notInArray(targetReports.period, published) : undefined,
      ),
    );
  const kept = items.map((i) => i.indicatorId).filter((id) => before.has(id));
  return tx
    .delete(targetReportValues)
    .where(
      and(
        inArray(targetReportValues.reportId, reports),
        kept.length ? notInArray(targetReportValues.indicatorId, kept) : undefined,
      ),
    )
    .returning({ reportId: targetReportValues.reportId, indicatorId: targetReportValues.indicatorId });
}

/**
 * Replaces a draft or returned plan's contact and items, if the plan has not changed since the
 * form read it (its `updatedAt`, else CONFLICT `edited_meanwhile`).
 */
const command = defineCommand({
  name: 'plan.update',
  async load(ctx, { id, input }: { id: string; input: PlanUpdate }) {
    const { row, unit } = await loadPlan(ctx.db, id);
    const r = { unitPath: unit.path, status: row.status };
    if (!canTarget(ctx.principal, 'plan.read', r)) throw notFound('plan');
    if (!canTarget(ctx.principal, 'plan.edit', { unitPath: unit.path })) throw forbidden();
    if (!canTarget(ctx.principal, 'plan.edit', r))
      throw wrongState({ name: 'plan', entity: reviewEntity.plan }, row.status, ['draft', 'returned']);
    if (row.updatedAt.toISOString() !== input.updatedAt) throw editedMeanwhile('plan');
    await checkItems(ctx.db, input.items);
    return { row, before: await getPlan(ctx, id) };
  },
  async write(tx, _ctx, { row, before }, { id, input }) {
    const [changed] = await tx
      .update(targetPlans)
      .set({ contactName: input.contactName, contactPhone: input.contactPhone, updatedAt: new Date() })
      .where(and(eq(targetPlans.id, id), eq(targetPlans.updatedAt, row.updatedAt)))
      .returning({ id: targetPlans.id });
    // Submitted, returned or edited since it was read: its items are not replaced behind that.
    if (!changed) throw editedMeanwhile('plan');
    const planned = await tx
      .delete(targetPlanItems)
      .where(eq(targetPlanItems.planId, id))
      .returning({ indicatorId: targetPlanItems.indicatorId });
    if (input.items.length) await tx.insert(targetPlanItems).values(itemRows(id, input.items));
    const wasPlanned = new Set(planned.map((p) => p.indicatorId));
    const dropped = await clearUnplannedValues(tx, id, row.year, wasPlanned, input.items);
    const { updatedAt: _read, ...after } = input;
    // The liaison's name and phone, before and after, are kept masked as the lists show them.
    return {
      result: undefined,
      audit: {
        entityType: 'plan',
        entityId: id,
        before: maskedForAudit(before),
        after: { ...maskedForAudit(after), ...(dropped.length ? { droppedReportValues: dropped } : {}) },
      },
    };
  },
});

export async function updatePlan(ctx: ServiceContext, id: string, input: PlanUpdate): Promise<Plan> {
  await command.run(ctx, { id, input });
  return getPlan(ctx, id);
}
