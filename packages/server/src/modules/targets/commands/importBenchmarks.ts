import type { ServiceContext } from '../../../context.js';
import { forbidden } from '../../../errors.js';
import { runImport, type WorkbookBytes } from '../../../kernel/excel-import.js';
import { BenchmarkInput } from '../contracts/library.js';
import { benchmarkColumns } from '../excel.js';
import { canTarget } from '../policy.js';
import { allRegions } from '../queries/regions.js';
import { targetIndicators } from '../schema.js';
import { type BenchmarkRow, upsertBenchmarks } from './setBenchmark.js';

/** The sheet's columns the ids are read from, for naming a problem's cell. */
const columnOf: Record<string, 'regionCode' | 'indicatorCode' | undefined> = {
  regionId: 'regionCode',
  indicatorId: 'indicatorCode',
};

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
  const seen = new Map<string, number>();
  return runImport(ctx, file, {
    sheet: { columns: benchmarkColumns },
    row(values, row, report): BenchmarkRow | undefined {
      const regionId = regions.get(values.regionCode ?? '');
      const indicatorId = indicators.get(values.indicatorCode ?? '');
      // A code typed but matching nothing is named in its own cell, not as an id left blank.
      if (values.regionCode && !regionId)
        report.add(row, 'regionCode', 'unknown_region', 'no region has this code', {
          value: values.regionCode,
        });
      if (values.indicatorCode && !indicatorId)
        report.add(row, 'indicatorCode', 'unknown_indicator', 'no indicator has this code', {
          value: values.indicatorCode,
        });
      const result = BenchmarkInput.safeParse({
        regionId,
        indicatorId,
        period: values.period,
        value: values.value === '' ? undefined : Number(values.value),
        source: values.source ?? '',
      });
      if (!result.success) {
        for (const issue of result.error.issues) {
          const field = columnOf[String(issue.path[0])];
          // An unknown code is reported above; a blank one is its column's.
          if (field && values[field]) continue;
          report.addIssue(row, issue, field);
        }
        return undefined;
      }
      if (!regionId || !indicatorId) return undefined;
      const key = `${values.regionCode}/${values.indicatorCode}/${result.data.period}`;
      const first = seen.get(key);
      if (first) report.add(row, null, 'duplicate_of_row', `duplicate of row ${first}`, { row: first });
      else seen.set(key, row);
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
