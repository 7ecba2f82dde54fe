import { and, eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { defineCommand } from '../../../kernel/command.js';
import { inspectionPlans } from '../schema.js';
import { loadDraft, planPublished } from './plan-common.js';

/**
 * Deletes a draft plan: its planned inspections are free to be planned again (its visits and
 * their planned inspections go with it). The deletion checks the draft state again: a plan
 * published meanwhile by another office user was told to the firms and stays.
 */
const command = defineCommand({
  name: 'inspectionPlan.delete',
  async load(ctx, id: string) {
    return loadDraft(ctx, id);
  },
  async write(tx, _ctx, plan, id) {
    const deleted = await tx
      .delete(inspectionPlans)
      .where(and(eq(inspectionPlans.id, id), eq(inspectionPlans.status, 'draft')))
      .returning({ id: inspectionPlans.id });
    if (deleted.length === 0) throw planPublished();
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
