import { and, asc, eq, gte, inArray } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { forbidden } from '../../../errors.js';
import { todayInChina } from '../../../kernel/deadlines.js';
import { firmOfMember } from '../../business/api.js';
import { unitsByIds } from '../../units/api.js';
import type { MyVisit } from '../contracts-plans.js';
import { canInspect } from '../policy.js';
import { inspectionItems, inspectionPlans, inspectionVisitSources, inspectionVisits } from '../schema.js';

/**
 * The caller's firm's visits of published plans from today on: the date, the departments coming
 * and the items they will check. An account of no firm has none; drafts are never shown.
 */
export async function myVisits(ctx: ServiceContext): Promise<MyVisit[]> {
  if (!ctx.principal || !canInspect(ctx.principal, 'visit.mine')) throw forbidden();
  const firmId = await firmOfMember(ctx.db, ctx.principal.userId);
  if (!firmId) return [];
  const visits = await ctx.db
    .select({ id: inspectionVisits.id, date: inspectionVisits.date })
    .from(inspectionVisits)
    .innerJoin(inspectionPlans, eq(inspectionPlans.id, inspectionVisits.planId))
    .where(
      and(
        eq(inspectionVisits.firmId, firmId),
        eq(inspectionPlans.status, 'published'),
        gte(inspectionVisits.date, todayInChina()),
      ),
    )
    .orderBy(asc(inspectionVisits.date));
  if (visits.length === 0) return [];
  const sources = await ctx.db
    .select()
    .from(inspectionVisitSources)
    .where(
      inArray(
        inspectionVisitSources.visitId,
        visits.map((v) => v.id),
      ),
    );
  const itemIds = [...new Set(sources.flatMap((s) => s.itemIds))];
  const items = itemIds.length
    ? await ctx.db.select().from(inspectionItems).where(inArray(inspectionItems.id, itemIds))
    : [];
  const units = await unitsByIds(
    ctx.db,
    sources.map((s) => s.unitId),
  );
  const itemOf = new Map(items.map((i) => [i.id, i]));
  return visits.map((v) => {
    const own = sources.filter((s) => s.visitId === v.id);
    return {
      id: v.id,
      date: v.date,
      departments: [...new Set(own.map((s) => units.get(s.unitId)?.name ?? ''))],
      items: [...new Set(own.flatMap((s) => s.itemIds))].flatMap((id) => {
        const i = itemOf.get(id);
        return i ? [{ name: i.name, unit: units.get(i.unitId)?.name ?? '', legalBasis: i.legalBasis }] : [];
      }),
    };
  });
}
