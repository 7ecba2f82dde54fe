import { eq, inArray } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { defineCommand } from '../../../kernel/command.js';
import { inspectionPlans, inspectionVisitSources, inspectionVisits } from '../schema.js';
import { loadDraft } from './plan-common.js';

/** Deletes a draft plan: its planned inspections are free to be planned again. */
const command = defineCommand({
  name: 'inspectionPlan.delete',
  async load(ctx, id: string) {
    return loadDraft(ctx, id);
  },
  async write(tx, _ctx, plan, id) {
    const visits = tx
      .select({ id: inspectionVisits.id })
      .from(inspectionVisits)
      .where(eq(inspectionVisits.planId, id));
    await tx.delete(inspectionVisitSources).where(inArray(inspectionVisitSources.visitId, visits));
    await tx.delete(inspectionPlans).where(eq(inspectionPlans.id, id));
    return {
      result: undefined,
      audit: {
        entityType: 'inspectionPlan',
        entityId: id,
        before: { period: [plan.periodStart, plan.periodEnd] },
      },
    };
  },
});

export async function deletePlan(ctx: ServiceContext, id: string): Promise<void> {
  await command.run(ctx, id);
}
