import { and, eq, inArray } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { actor } from '../../../context.js';
import { AppError } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import { deliver } from '../../../kernel/notifications.js';
import { firmMemberIds } from '../../business/api.js';
import { unitsByIds } from '../../units/api.js';
import type { Plan } from '../contracts-plans.js';
import { getPlan } from '../queries/plans.js';
import { inspectionItems, inspectionPlans, inspectionVisitSources, inspectionVisits } from '../schema.js';
import { loadDraft, refuseOverlap } from './plan-common.js';

/**
 * Publishes a draft plan: each firm's staff are told, in the publication's transaction, the date
 * of each of its visits, the departments coming and the items they will check (一次告知). A plan
 * whose period overlaps another's is refused: its firms could be booked twice.
 */
const command = defineCommand({
  name: 'inspectionPlan.publish',
  async load(ctx, id: string) {
    // A plan overlapping another (made before plans were kept apart) is not told to the firms.
    await refuseOverlap(ctx.db, await loadDraft(ctx, id), id);
    return {};
  },
  async write(tx, ctx, _loaded, id) {
    const done = await tx
      .update(inspectionPlans)
      .set({
        status: 'published',
        publishedAt: new Date(),
        publishedBy: actor(ctx).userId,
        updatedAt: new Date(),
      })
      .where(and(eq(inspectionPlans.id, id), eq(inspectionPlans.status, 'draft')))
      .returning({ id: inspectionPlans.id });
    if (done.length === 0) throw new AppError('INVALID_STATE', 'the plan is published');
    const visits = await tx.select().from(inspectionVisits).where(eq(inspectionVisits.planId, id));
    const sources = visits.length
      ? await tx
          .select()
          .from(inspectionVisitSources)
          .where(
            inArray(
              inspectionVisitSources.visitId,
              visits.map((v) => v.id),
            ),
          )
      : [];
    const itemIds = [...new Set(sources.flatMap((s) => s.itemIds))];
    const items = itemIds.length
      ? await tx.select().from(inspectionItems).where(inArray(inspectionItems.id, itemIds))
      : [];
    const itemName = new Map(items.map((i) => [i.id, i.name]));
    const units = await unitsByIds(
      tx,
      sources.map((s) => s.unitId),
    );
    let told = 0;
    for (const v of visits) {
      const own = sources.filter((s) => s.visitId === v.id);
      const members = await firmMemberIds(tx, v.firmId);
      if (members.length === 0) continue;
      const params = {
        date: v.date,
        departments: [...new Set(own.map((s) => units.get(s.unitId)?.name ?? ''))].join('、'),
        items: [...new Set(own.flatMap((s) => s.itemIds.map((i) => itemName.get(i) ?? '')))].join('、'),
      };
      await deliver(
        tx,
        members.map((userId) => ({ userId, key: 'inspections.notice.visit', params })),
      );
      told += members.length;
    }
    return {
      result: id,
      audit: { entityType: 'inspectionPlan', entityId: id, after: { visits: visits.length, told } },
    };
  },
});

export async function publishPlan(ctx: ServiceContext, id: string): Promise<Plan> {
  return getPlan(ctx, await command.run(ctx, id));
}
