import { and, asc, eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import { forbidden } from '../../../errors.js';
import type { Benchmark, Region } from '../contracts/library.js';
import { canTarget } from '../policy.js';
import { targetBenchmarks, targetIndicators, targetRegions } from '../schema.js';

export const regionView = (r: typeof targetRegions.$inferSelect): Region => ({
  id: r.id,
  code: r.code,
  name: r.name,
  kind: r.kind,
  sort: r.sort,
  isDemo: r.isDemo,
});

export async function allRegions(db: Db): Promise<Region[]> {
  return (
    await db.select().from(targetRegions).orderBy(asc(targetRegions.sort), asc(targetRegions.code))
  ).map(regionView);
}

export async function listRegions(ctx: ServiceContext): Promise<Region[]> {
  if (!canTarget(ctx.principal, 'library.read')) throw forbidden();
  return allRegions(ctx.db);
}

export interface BenchmarkFilter {
  indicatorId?: string | undefined;
  regionId?: string | undefined;
  period?: string | undefined;
}

export async function listBenchmarks(ctx: ServiceContext, f: BenchmarkFilter): Promise<Benchmark[]> {
  if (!canTarget(ctx.principal, 'library.read')) throw forbidden();
  return benchmarkRows(ctx.db, f, 5000);
}

/** The values with their region's and indicator's codes and names, by indicator, region and period. */
export async function benchmarkRows(db: Db, f: BenchmarkFilter, limit?: number): Promise<Benchmark[]> {
  const query = db
    .select({
      regionId: targetBenchmarks.regionId,
      regionCode: targetRegions.code,
      regionName: targetRegions.name,
      indicatorId: targetBenchmarks.indicatorId,
      indicatorCode: targetIndicators.code,
      indicatorName: targetIndicators.name,
      period: targetBenchmarks.period,
      value: targetBenchmarks.value,
      source: targetBenchmarks.source,
      isDemo: targetBenchmarks.isDemo,
    })
    .from(targetBenchmarks)
    .innerJoin(targetRegions, eq(targetRegions.id, targetBenchmarks.regionId))
    .innerJoin(targetIndicators, eq(targetIndicators.id, targetBenchmarks.indicatorId))
    .where(
      and(
        f.indicatorId ? eq(targetBenchmarks.indicatorId, f.indicatorId) : undefined,
        f.regionId ? eq(targetBenchmarks.regionId, f.regionId) : undefined,
        f.period ? eq(targetBenchmarks.period, f.period) : undefined,
      ),
    )
    .orderBy(asc(targetIndicators.code), asc(targetRegions.sort), asc(targetBenchmarks.period))
    .$dynamic();
  return limit ? query.limit(limit) : query;
}
