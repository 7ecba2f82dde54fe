import type { ServiceContext } from '../../../context.js';
import { forbidden } from '../../../errors.js';
import { runImport, type WorkbookBytes } from '../../../kernel/excel-import.js';
import { BenchmarkInput } from '../contracts/library.js';
import { benchmarkColumns } from '../excel.js';
import { canTarget } from '../policy.js';
import { allRegions } from '../queries/regions.js';
import { targetIndicators } from '../schema.js';
import { type BenchmarkRow, upsertBenchmarks } from './setBenchmark.js';

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
