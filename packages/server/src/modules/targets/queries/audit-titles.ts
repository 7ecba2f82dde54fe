import { inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { attachmentTitles } from '../../../kernel/attachments.js';
import { type AuditTitles, titleLookup } from '../../../kernel/audit-titles.js';
import { unitsByIds } from '../../units/api.js';
import { targetIndicators, targetPlans, targetRegions, targetReports } from '../schema.js';
import { benchmarkAuditTitles } from './benchmark-audit-titles.js';

/** Rows with their unit's name in place of its id, the units read in one query. */
async function withUnitNames<R extends { unitId: string }>(db: Db, rows: R[]) {
  const units = await unitsByIds(
    db,
    rows.map((r) => r.unitId),
  );
  return rows.map((r) => ({ ...r, unit: units.get(r.unitId)?.name ?? '' }));
}

/** The audit log's titles of the catch-up work: a plan or report is its unit and period. */
export const targetAuditTitles: AuditTitles = {
  ...benchmarkAuditTitles,
  evidence: attachmentTitles,
  plan: titleLookup(
    async (db, ids) =>
      withUnitNames(
        db,
        await db
          .select({ id: targetPlans.id, unitId: targetPlans.unitId, year: targetPlans.year })
          .from(targetPlans)
          .where(inArray(targetPlans.id, ids)),
      ),
    (p) => ({ title: `${p.unit} ${p.year}`, link: `/admin/targets/plans/${p.id}` }),
  ),
  report: titleLookup(
    async (db, ids) =>
      withUnitNames(
        db,
        await db
          .select({ id: targetReports.id, unitId: targetReports.unitId, period: targetReports.period })
          .from(targetReports)
          .where(inArray(targetReports.id, ids)),
      ),
    (r) => ({ title: `${r.unit} ${r.period}`, link: `/admin/targets/reports/${r.id}` }),
  ),
  indicator: titleLookup(
    (db, ids) =>
      db
        .select({ id: targetIndicators.id, name: targetIndicators.name })
        .from(targetIndicators)
        .where(inArray(targetIndicators.id, ids)),
    (i) => ({ title: i.name }),
  ),
  region: titleLookup(
    (db, ids) =>
      db
        .select({ id: targetRegions.id, name: targetRegions.name })
        .from(targetRegions)
        .where(inArray(targetRegions.id, ids)),
    (r) => ({ title: r.name }),
  ),
};
