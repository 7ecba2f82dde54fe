import { and, eq, inArray } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { actor } from '../../../context.js';
import type { Tx } from '../../../db/transaction.js';
import { defineCommand } from '../../../kernel/command.js';
import { deliver } from '../../../kernel/notifications.js';
import { firmMemberIds, firmsByIds } from '../../business/api.js';
import { unitsByIds } from '../../units/api.js';
import type { Plan } from '../contracts-plans.js';
import { getPlan } from '../queries/plans.js';
import {
  inspectionInspectors,
  inspectionItems,
  inspectionPlans,
  inspectionVisitSources,
  inspectionVisits,
} from '../schema.js';
import { holdPlanMaking, loadDraft, planPublished, refuseOverlap } from './plan-common.js';
import { refuseUnfitTeams } from './publish-duty.js';

/**
 * Publishes a draft plan: each firm's staff are told, in the publication's transaction, the date
 * of each of its visits, the departments coming and the items they will check (一次告知), and each
 * inspector of a visit's team is told the firm and the date, with the visit to open. A plan
 * whose period overlaps another's is refused: its firms could be booked twice. So is a plan one
 * of whose teams has an inspector taken off duty, or declaring a conflict with the visit's firm,
 * since it was drafted (nobody stands in for a drawn inspector): the draft is made again, which
 * lists that inspection unplanned.
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
      .returning();
    if (done.length === 0) throw planPublished();
    // Again behind the plan-making lock: a plan of these days committed meanwhile is seen.
    await holdPlanMaking(tx);
    await refuseOverlap(tx, done[0]!, id);
    await refuseUnfitTeams(tx, id);
    const { visits, told, inspectorsTold } = await tellPlan(tx, id);
    return {
      result: id,
      audit: {
        entityType: 'inspectionPlan',
        entityId: id,
        after: { visits, told, inspectorsTold },
      },
    };
  },
});

/**
 * Tells a plan's firms and inspectors of its visits, as its publication does: each firm's staff
 * the date, the departments coming and the items they will check; each inspector of a team the
 * firm, the date and the departments. Answers the number of visits and of people told.
 */
export async function tellPlan(
  tx: Tx,
  id: string,
): Promise<{ visits: number; told: number; inspectorsTold: number }> {
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
  const departmentsOf = (visitId: string) =>
    [
      ...new Set(sources.filter((s) => s.visitId === visitId).map((s) => units.get(s.unitId)?.name ?? '')),
    ].join('、');
  for (const v of visits) {
    const own = sources.filter((s) => s.visitId === v.id);
    const members = await firmMemberIds(tx, v.firmId);
    if (members.length === 0) continue;
    const params = {
      visitId: v.id,
      date: v.date,
      departments: departmentsOf(v.id),
      items: [...new Set(own.flatMap((s) => s.itemIds.map((i) => itemName.get(i) ?? '')))].join('、'),
    };
    await deliver(
      tx,
      members.map((userId) => ({ userId, key: 'inspections.notice.visit', params })),
    );
    told += members.length;
  }
  const inspectorsTold = await tellInspectors(tx, visits, departmentsOf);
  return { visits: visits.length, told, inspectorsTold };
}

/**
 * Tells each inspector of each visit's team, by their account, the firm they will inspect, the
 * date and the departments going (the visit's id opens its page); returns how many were told.
 */
async function tellInspectors(
  tx: Tx,
  visits: readonly (typeof inspectionVisits.$inferSelect)[],
  departmentsOf: (visitId: string) => string,
): Promise<number> {
  const ids = [...new Set(visits.flatMap((v) => v.inspectorIds))];
  if (ids.length === 0) return 0;
  const [inspectors, firms] = await Promise.all([
    tx
      .select({ id: inspectionInspectors.id, userId: inspectionInspectors.userId })
      .from(inspectionInspectors)
      .where(inArray(inspectionInspectors.id, ids)),
    firmsByIds(
      tx,
      visits.map((v) => v.firmId),
    ),
  ]);
  const userOf = new Map(inspectors.map((p) => [p.id, p.userId]));
  const notices = visits.flatMap((v) => {
    const params = {
      visitId: v.id,
      firm: firms.get(v.firmId)?.name ?? '',
      date: v.date,
      departments: departmentsOf(v.id),
    };
    return v.inspectorIds.flatMap((p) => {
      const userId = userOf.get(p);
      return userId ? [{ userId, key: 'inspections.notice.assigned', params }] : [];
    });
  });
  await deliver(tx, notices);
  return notices.length;
}

export async function publishPlan(ctx: ServiceContext, id: string): Promise<Plan> {
  return getPlan(ctx, await command.run(ctx, id));
}
