import { writeSheet } from '../../excel/workbook.js';
import { headedIn, type ImportColumn, type ImportLocale, importTemplate } from '../../kernel/excel-import.js';
import type { Benchmark } from './contracts/library.js';
import { benchmarkColumns } from './excel.js';

/**
 * The benchmark values as staff keep them: the import's columns with the region's and the
 * indicator's names beside their codes. The import reads the codes and passes over the name
 * columns, so an export edited and sent back imports as it stands.
 */
const exportColumns: ImportColumn[] = [
  benchmarkColumns[0]!,
  { key: 'regionName', header: '地区名称', headerEn: 'Region name', width: 20 },
  benchmarkColumns[1]!,
  { key: 'indicatorName', header: '指标名称', headerEn: 'Indicator name', width: 32 },
  ...benchmarkColumns.slice(2),
];

const sheetName: Record<ImportLocale, string> = { 'zh-CN': '标杆值', en: 'Benchmarks' };

export function benchmarkWorkbook(values: readonly Benchmark[], locale: ImportLocale): Promise<Buffer> {
  return writeSheet(
    sheetName[locale],
    headedIn(exportColumns, locale),
    values.map((b) => ({
      regionCode: b.regionCode,
      regionName: b.regionName,
      indicatorCode: b.indicatorCode,
      indicatorName: b.indicatorName,
      period: b.period,
      value: b.value,
      source: b.source,
    })),
  );
}

/** The import's template in the reader's language: headers only, so nothing stray is imported. */
export const benchmarkTemplate = (locale: ImportLocale) =>
  importTemplate({ sheet: { columns: benchmarkColumns }, name: sheetName, locale });
