import { and, count, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { firmsByIds } from '../../business/api.js';
import type { PublicVisitResult } from '../contracts-public.js';
import { inspectionFindings, inspectionPlans, inspectionVisits } from '../schema.js';
import { itemsOfVisits } from './visits.js';

/**
 * Every completed visit's outcome, latest first (一公开): each item's result and whether its
 * rectification is done, which is once the department accepted it (a firm's own report is not
 * published as done). Notes, requirements, return reasons, photos and the team stay with the firm.
 */
export async function publicResults(
  db: Db,
  q: { page: number; pageSize: number },
): Promise<{ items: PublicVisitResult[]; total: number }> {
  const done = and(eq(inspectionPlans.status, 'published'), eq(inspectionVisits.status, 'completed'));
  const [rows, [total]] = await Promise.all([
    db
      .select({ visit: inspectionVisits })
      .from(inspectionVisits)
      .innerJoin(inspectionPlans, eq(inspectionPlans.id, inspectionVisits.planId))
      .where(done)
      .orderBy(desc(inspectionVisits.date), desc(inspectionVisits.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ n: count() })
      .from(inspectionVisits)
      .innerJoin(inspectionPlans, eq(inspectionPlans.id, inspectionVisits.planId))
      .where(done),
  ]);
  const visits = rows.map((r) => r.visit);
  const ids = visits.map((v) => v.id);
  if (ids.length === 0) return { items: [], total: total?.n ?? 0 };
  const [itemsOf, firms, findings] = await Promise.all([
    itemsOfVisits(db, ids),
    firmsByIds(
      db,
      visits.map((v) => v.firmId),
    ),
    db.select().from(inspectionFindings).where(inArray(inspectionFindings.visitId, ids)),
  ]);
  const findingOf = new Map(findings.map((f) => [`${f.visitId}/${f.itemId}`, f]));
  return {
    total: total?.n ?? 0,
    items: visits.map((v) => {
      const items = itemsOf(v.id).flatMap((i) => {
        const f = findingOf.get(`${v.id}/${i.id}`);
        return f ? [{ name: i.name, unit: i.unit, result: f.result, rectified: !!f.verifiedAt }] : [];
      });
      const issues = items.filter((i) => i.result === 'issue');
      return {
        id: v.id,
        date: v.date,
        firm: firms.get(v.firmId)?.name ?? '',
        departments: [...new Set(items.map((i) => i.unit))],
        items,
        issues: issues.length,
        rectified: issues.filter((i) => i.rectified).length,
      };
    }),
  };
}
