import { and, eq, inArray } from 'drizzle-orm';
import { type AuditTitles, titleLookup } from '../../../kernel/audit-titles.js';
import { targetBenchmarks, targetIndicators, targetRegions, targetScorecards } from '../schema.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A benchmark's event names it `<region>/<indicator>/<period>`; an import's, `import` (no one value). */
function benchmarkKey(id: string) {
  const [regionId, indicatorId, period, ...rest] = id.split('/');
  return regionId &&
    indicatorId &&
    period &&
    rest.length === 0 &&
    UUID.test(regionId) &&
    UUID.test(indicatorId)
    ? { regionId, indicatorId, period }
    : undefined;
}

/**
 * The audit log's titles of the comparison with other regions: a benchmark is its region,
 * indicator and period; a region's own yearly figures, its name; a scorecard, its period.
 */
export const benchmarkAuditTitles: AuditTitles = {
  benchmark: titleLookup(
    async (db, ids) => {
      const keys = ids.flatMap((id) => {
        const key = benchmarkKey(id);
        return key ? [key] : [];
      });
      if (keys.length === 0) return [];
      const rows = await db
        .select({
          regionId: targetBenchmarks.regionId,
          indicatorId: targetBenchmarks.indicatorId,
          period: targetBenchmarks.period,
          region: targetRegions.name,
          indicator: targetIndicators.name,
        })
        .from(targetBenchmarks)
        .innerJoin(targetRegions, eq(targetRegions.id, targetBenchmarks.regionId))
        .innerJoin(targetIndicators, eq(targetIndicators.id, targetBenchmarks.indicatorId))
        .where(
          and(
            inArray(
              targetBenchmarks.regionId,
              keys.map((k) => k.regionId),
            ),
            inArray(
              targetBenchmarks.indicatorId,
              keys.map((k) => k.indicatorId),
            ),
            inArray(
              targetBenchmarks.period,
              keys.map((k) => k.period),
            ),
          ),
        );
      return rows.map((r) => ({ ...r, id: `${r.regionId}/${r.indicatorId}/${r.period}` }));
    },
    (b) => ({ title: `${b.region} ${b.indicator} ${b.period}` }),
    { textKeys: true },
  ),
  regional: titleLookup(
    (db, ids) =>
      db
        .select({ id: targetRegions.id, name: targetRegions.name })
        .from(targetRegions)
        .where(inArray(targetRegions.id, ids)),
    (r) => ({ title: r.name, link: '/admin/targets/regional' }),
  ),
  scorecard: titleLookup(
    (db, ids) =>
      db
        .select({ id: targetScorecards.id, period: targetScorecards.period })
        .from(targetScorecards)
        .where(inArray(targetScorecards.id, ids)),
    (s) => ({ title: s.period, link: '/admin/targets/scorecards' }),
  ),
};
