import type { ServiceContext } from '../../../context.js';
import { notFound } from '../../../errors.js';
import { runImport, type WorkbookBytes } from '../../../kernel/excel-import.js';
import type { Report } from '../contracts/reports.js';
import { reportColumns } from '../excel.js';
import { canTarget } from '../policy.js';
import { planItems } from '../queries/plans.js';
import { getReport, loadReport } from '../queries/reports.js';
import { checkReportEdit, writeReportValues } from './report-common.js';

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
      audit: [{ action: 'report.update', ...(await writeReportValues(tx, id, values, before, 'excel')) }],
    }),
  });
  return getReport(ctx, id);
}
