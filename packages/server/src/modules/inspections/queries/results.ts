import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { forbidden } from '../../../errors.js';
import { firmOfMember } from '../../business/api.js';
import { firmVisit } from '../commands/visit-common.js';
import type { VisitResult, VisitResultBrief } from '../contracts-visits.js';
import { canInspect, mayEverInspect } from '../policy.js';
import { inspectionFindings, inspectionPlans, inspectionVisitRatings, inspectionVisits } from '../schema.js';
import { briefs, visitDetail } from './visits.js';

/** A completed visit's results for the firm's staff, with whether they may still rate it. */
export async function getResult(ctx: ServiceContext, id: string): Promise<VisitResult> {
  const loaded = await firmVisit(ctx, id);
  const { code: _code, ...detail } = await visitDetail(ctx.db, loaded.visit);
  const mayRate = !detail.rating && canInspect(ctx.principal, 'visit.rate', loaded.resource);
  return { ...detail, allowed: mayRate ? ['rate'] : [] };
}

/**
 * The caller's firm's completed visits, latest first, with their issues counted and their
 * rectifications: reported awaiting verification, returned to do again, and accepted.
 */
export async function myResults(ctx: ServiceContext): Promise<VisitResultBrief[]> {
  if (!ctx.principal || !mayEverInspect(ctx.principal, 'visit.mine')) throw forbidden();
  const firmId = await firmOfMember(ctx.db, ctx.principal.userId);
  if (!firmId) return [];
  const rows = await ctx.db
    .select({ visit: inspectionVisits })
    .from(inspectionVisits)
    .innerJoin(inspectionPlans, eq(inspectionPlans.id, inspectionVisits.planId))
    .where(
      and(
        eq(inspectionVisits.firmId, firmId),
        eq(inspectionPlans.status, 'published'),
        eq(inspectionVisits.status, 'completed'),
      ),
    )
    .orderBy(desc(inspectionVisits.completedAt))
    .limit(100);
  const visits = rows.map((r) => r.visit);
  const ids = visits.map((v) => v.id);
  if (ids.length === 0) return [];
  const [counts, ratings] = await Promise.all([
    ctx.db
      .select({
        visitId: inspectionFindings.visitId,
        issues: sql<number>`count(*) filter (where ${inspectionFindings.result} = 'issue')::int`,
        reported: sql<number>`count(*) filter (where ${inspectionFindings.rectifiedAt} is not null and ${inspectionFindings.verifiedAt} is null)::int`,
        returned: sql<number>`count(*) filter (where ${inspectionFindings.rectifiedAt} is null and ${inspectionFindings.returnedAt} is not null)::int`,
        rectified: sql<number>`count(${inspectionFindings.verifiedAt})::int`,
      })
      .from(inspectionFindings)
      .where(inArray(inspectionFindings.visitId, ids))
      .groupBy(inspectionFindings.visitId),
    ctx.db
      .select({ visitId: inspectionVisitRatings.visitId })
      .from(inspectionVisitRatings)
      .where(inArray(inspectionVisitRatings.visitId, ids)),
  ]);
  const countOf = new Map(counts.map((c) => [c.visitId, c]));
  const ratedIds = new Set(ratings.map((r) => r.visitId));
  return (await briefs(ctx.db, visits)).map(({ allowed: _a, recorded: _r, ...b }) => ({
    ...b,
    issues: countOf.get(b.id)?.issues ?? 0,
    reported: countOf.get(b.id)?.reported ?? 0,
    returned: countOf.get(b.id)?.returned ?? 0,
    rectified: countOf.get(b.id)?.rectified ?? 0,
    rated: ratedIds.has(b.id),
  }));
}
