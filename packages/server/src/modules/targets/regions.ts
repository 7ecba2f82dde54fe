import { and, asc, eq, sql } from 'drizzle-orm';
import { audit } from '../../audit/audit.js';
import { actor, type ServiceContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { type Tx, transaction } from '../../db/transaction.js';
import { AppError, type FieldError, forbidden } from '../../errors.js';
import type { Column } from '../../excel/workbook.js';
import { runImport, type WorkbookBytes } from '../../kernel/excel-import.js';
import { type Benchmark, BenchmarkInput, type Region, type RegionInput } from './contracts.js';
import { canTarget } from './policy.js';
import { targetBenchmarks, targetIndicators, targetRegions } from './schema.js';

const regionView = (r: typeof targetRegions.$inferSelect): Region => ({
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

export async function createRegion(ctx: ServiceContext, input: RegionInput): Promise<Region> {
  if (!canTarget(ctx.principal, 'library.write')) throw forbidden();
  const [taken] = await ctx.db.select().from(targetRegions).where(eq(targetRegions.code, input.code));
  if (taken)
    throw new AppError('CONFLICT', `region ${input.code} exists`, [
      { path: 'code', message: 'taken', code: 'taken' },
    ]);
  return transaction(ctx.db, async (tx) => {
    const [row] = await tx.insert(targetRegions).values(input).returning();
    const after = regionView(row!);
    await audit(tx, actor(ctx), { action: 'region.create', entityType: 'region', entityId: after.id, after });
    return after;
  });
}

export interface BenchmarkFilter {
  indicatorId?: string | undefined;
  regionId?: string | undefined;
  period?: string | undefined;
}

export async function listBenchmarks(ctx: ServiceContext, f: BenchmarkFilter): Promise<Benchmark[]> {
  if (!canTarget(ctx.principal, 'library.read')) throw forbidden();
  const rows = await ctx.db
    .select({
      regionId: targetBenchmarks.regionId,
      regionName: targetRegions.name,
      indicatorId: targetBenchmarks.indicatorId,
      indicatorCode: targetIndicators.code,
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
    .limit(5000);
  return rows;
}

type BenchmarkRow = typeof targetBenchmarks.$inferInsert;

async function upsertBenchmarks(tx: Tx, rows: BenchmarkRow[]) {
  for (let i = 0; i < rows.length; i += 500) {
    await tx
      .insert(targetBenchmarks)
      .values(rows.slice(i, i + 500))
      .onConflictDoUpdate({
        target: [targetBenchmarks.regionId, targetBenchmarks.indicatorId, targetBenchmarks.period],
        set: { value: sql`excluded.value`, source: sql`excluded.source`, updatedAt: new Date() },
      });
  }
}

export async function setBenchmark(ctx: ServiceContext, input: BenchmarkInput): Promise<void> {
  if (!canTarget(ctx.principal, 'library.write')) throw forbidden();
  const [region] = await ctx.db.select().from(targetRegions).where(eq(targetRegions.id, input.regionId));
  const [indicator] = await ctx.db
    .select()
    .from(targetIndicators)
    .where(eq(targetIndicators.id, input.indicatorId));
  const problems: FieldError[] = [];
  if (!region) problems.push({ path: 'regionId', message: 'not found', code: 'not_found' });
  if (!indicator) problems.push({ path: 'indicatorId', message: 'not found', code: 'not_found' });
  if (problems.length) throw new AppError('VALIDATION', 'unknown region or indicator', problems);
  await transaction(ctx.db, async (tx) => {
    const [before] = await tx
      .select()
      .from(targetBenchmarks)
      .where(
        and(
          eq(targetBenchmarks.regionId, input.regionId),
          eq(targetBenchmarks.indicatorId, input.indicatorId),
          eq(targetBenchmarks.period, input.period),
        ),
      );
    await upsertBenchmarks(tx, [input]);
    await audit(tx, actor(ctx), {
      action: 'benchmark.set',
      entityType: 'benchmark',
      entityId: `${input.regionId}/${input.indicatorId}/${input.period}`,
      before,
      after: input,
    });
  });
}

export const benchmarkColumns: Column[] = [
  { key: 'regionCode', header: '地区编码' },
  { key: 'indicatorCode', header: '指标编码' },
  { key: 'period', header: '期间' },
  { key: 'value', header: '数值' },
  { key: 'source', header: '来源', width: 24 },
];

/**
 * Benchmark values from Excel, all or nothing; rows are matched by region and indicator code, and
 * a value already there is replaced, so the same file again changes nothing.
 */
export async function importBenchmarks(
  ctx: ServiceContext,
  upload: () => Promise<WorkbookBytes>,
): Promise<{ imported: number }> {
  if (!canTarget(ctx.principal, 'library.write')) throw forbidden();
  const file = { xlsx: await upload() };
  const regions = new Map((await allRegions(ctx.db)).map((r) => [r.code, r.id]));
  const indicators = new Map(
    (
      await ctx.db.select({ id: targetIndicators.id, code: targetIndicators.code }).from(targetIndicators)
    ).map((r) => [r.code, r.id]),
  );
  const seen = new Set<string>();
  return runImport(ctx, file, {
    sheet: { columns: benchmarkColumns },
    row(values, row, report): BenchmarkRow | undefined {
      const result = BenchmarkInput.safeParse({
        regionId: regions.get(values.regionCode ?? ''),
        indicatorId: indicators.get(values.indicatorCode ?? ''),
        period: values.period,
        value: values.value === '' ? undefined : Number(values.value),
        source: values.source ?? '',
      });
      if (!result.success) {
        for (const issue of result.error.issues) report.addIssue(row, issue);
        return undefined;
      }
      const key = `${values.regionCode}/${values.indicatorCode}/${result.data.period}`;
      if (seen.has(key)) report.add(row, null, 'duplicate', `duplicate ${key}`);
      seen.add(key);
      return result.data;
    },
    async write(tx, parsed) {
      await upsertBenchmarks(tx, parsed);
      return {
        result: { imported: parsed.length },
        audit: [
          {
            action: 'benchmark.import',
            entityType: 'benchmark',
            entityId: 'import',
            after: { rows: parsed.length, values: parsed },
          },
        ],
      };
    },
  });
}
