import type { ServiceContext } from '../../../context.js';
import { forbidden } from '../../../errors.js';
import type { ImportLocale } from '../../../kernel/excel-import.js';
import { benchmarkTemplate, benchmarkWorkbook } from '../excel-benchmarks.js';
import { canTarget } from '../policy.js';
import { benchmarkRows } from './regions.js';

/** Every benchmark value as a workbook the import takes back; for whoever may read them. */
export async function exportBenchmarks(ctx: ServiceContext, locale: ImportLocale): Promise<Buffer> {
  if (!canTarget(ctx.principal, 'library.read')) throw forbidden();
  return benchmarkWorkbook(await benchmarkRows(ctx.db, {}), locale);
}

/** The benchmark import's empty template; for whoever may read the values. */
export async function exportBenchmarkTemplate(ctx: ServiceContext, locale: ImportLocale): Promise<Buffer> {
  if (!canTarget(ctx.principal, 'library.read')) throw forbidden();
  return benchmarkTemplate(locale);
}
