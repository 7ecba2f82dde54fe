import type { ServiceContext } from '../../context.js';
import { notFound } from '../../errors.js';
import { type Column, writeSheet } from '../../excel/workbook.js';
import { runImport, type WorkbookBytes } from '../../kernel/excel-import.js';
import type { Report } from './contracts.js';
import { splitQuarter } from './lookup.js';
import { planItems } from './plans.js';
import { canTarget } from './policy.js';
import { checkReportEdit, getReport, loadReport, writeReportValues } from './reports.js';

export const reportColumns: Column[] = [
  { key: 'indicatorCode', header: '指标编码' },
  { key: 'indicatorName', header: '指标名称', width: 32 },
  { key: 'target', header: '本季目标', width: 12 },
  { key: 'value', header: '实际值', width: 12 },
  { key: 'note', header: '说明', width: 30 },
];

/** The report form as a workbook: one row per planned indicator with the quarter's target. */
export async function reportWorkbook(ctx: ServiceContext, id: string): Promise<Buffer> {
  const { row, plan, unit } = await loadReport(ctx.db, id);
  if (!canTarget(ctx.principal, 'report.read', { unitPath: unit.path })) throw notFound('report');
  const q = splitQuarter(row.period).quarter;
  const report = await getReport(ctx, id);
  const values = new Map(report.values.map((v) => [v.indicatorId, v]));
  const items = await planItems(ctx.db, plan.id);
  return writeSheet(
    `${row.period}`,
    reportColumns,
    items.map(({ item, code, name }) => ({
      indicatorCode: code,
      indicatorName: name,
      target: [item.targetQ1, item.targetQ2, item.targetQ3, item.targetQ4][q - 1],
      value: values.get(item.indicatorId)?.value,
      note: values.get(item.indicatorId)?.note,
    })),
  );
}

/** Fills a report from the workbook above; empty value cells are left out. */
export async function importReportValues(
  ctx: ServiceContext,
  id: string,
  upload: () => Promise<WorkbookBytes>,
): Promise<Report> {
  const { plan, unit } = await loadReport(ctx.db, id);
  if (!canTarget(ctx.principal, 'report.read', { unitPath: unit.path })) throw notFound('report');
  const file = { xlsx: await upload() };
  const byCode = new Map((await planItems(ctx.db, plan.id)).map((i) => [i.code, i.item.indicatorId]));
  await runImport(ctx, file, {
    sheet: { columns: reportColumns },
    row(v, row, report) {
      if (!v.value) return undefined;
      const indicatorId = byCode.get(v.indicatorCode ?? '');
      const value = Number(v.value);
      if (!indicatorId) report.add(row, 'indicatorCode', 'not_in_plan', 'not in the plan');
      if (!Number.isFinite(value) || Math.abs(value) > 1e12)
        report.add(row, 'value', 'not_a_number', 'not a number');
      if ((v.note ?? '').length > 200)
        report.add(row, 'note', 'too_big', 'at most 200 characters', { origin: 'string', maximum: 200 });
      return indicatorId ? { indicatorId, value, note: v.note ?? '' } : undefined;
    },
    // The report's own checks: who may edit it, in which state, and the values against its plan.
    prepare: (values) => checkReportEdit(ctx, id, values),
    write: async (tx, values, before) => ({
      result: null,
      audit: [await writeReportValues(tx, id, values, before, 'excel')],
    }),
  });
  return getReport(ctx, id);
}
