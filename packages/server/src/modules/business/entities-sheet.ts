import { asc } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { writeSheet } from '../../excel/workbook.js';
import type { ImportColumn, RowReport } from '../../kernel/excel-import.js';
import { businessMarketEntities } from './schema.js';

/** The columns of the monthly new-market-entities import and its template. */
export const entitiesColumns: ImportColumn[] = [
  { key: 'month', header: '月份', width: 12 },
  { key: 'count', header: '新增市场主体（户）', width: 20 },
];

export interface EntitiesRow {
  row: number;
  month: string;
  count: number;
}

/** A month as a cell gives it: 2026-01, 2026-01-01, 2026/1, 2026.1, 2026年1月. */
export function monthOf(cell: string): string | undefined {
  const m = /^(20\d\d)\s*[-/.年]\s*(\d{1,2})\s*(?:月|[-/.]\d{1,2}(?:[T ].*)?)?$/.exec(cell.trim());
  if (!m) return undefined;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? `${m[1]}-${String(month).padStart(2, '0')}` : undefined;
}

/** One row's cells to a month's count, or undefined once its problems are in the report. */
export function parseEntitiesRow(values: Record<string, string>, row: number, report: RowReport) {
  const before = report.size;
  const month = monthOf(values.month ?? '');
  if (!month) report.add(row, 'month', 'invalid_month', `not a month: ${values.month}`);
  const text = (values.count ?? '').replace(/[,，\s户]/g, '');
  const count = Number(text);
  if (!/^\d+$/.test(text) || count > 1_000_000)
    report.add(row, 'count', 'not_a_count', `not a whole count: ${values.count}`);
  return report.size === before ? { row, month: month!, count } : undefined;
}

export const entitiesTemplate = () =>
  writeSheet('新增市场主体', entitiesColumns, [
    { month: '2026-01', count: '352' },
    { month: '2026-02', count: '388' },
  ]);

/** The counts entered so far, by month. */
export async function entitiesByMonth(db: Db): Promise<Map<string, number>> {
  const rows = await db.select().from(businessMarketEntities).orderBy(asc(businessMarketEntities.month));
  return new Map(rows.map((r) => [r.month, r.count]));
}
