import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { notFound } from '../../../errors.js';
import { RowReport, runImport, type WorkbookBytes } from '../../../kernel/excel-import.js';
import type { Report } from '../contracts/reports.js';
import { reportColumns } from '../excel.js';
import { canTarget } from '../policy.js';
import { planItems } from '../queries/plans.js';
import { getReport, loadReport } from '../queries/reports.js';
import { targetReportValues } from '../schema.js';
import { checkReportEdit, writeReportValues } from './report-common.js';
import { byRow } from './report-import-rows.js';

/**
 * A value cell's figure: a percentage as shown (`5.2%`, a cell formatted as one) is that percent
 * for an indicator measured in %, and its fraction (0.052, the number Excel stores) otherwise.
 */
function figure(text: string, measure: string | undefined): number {
  if (!text.endsWith('%')) return Number(text);
  const shown = Number(text.slice(0, -1));
  return measure?.trim() === '%' ? shown : shown / 100;
}

/** A planned indicator's value cell left empty, by its row. */
type Blank = { row: number; indicatorId: string };

/** A blank cell where the report holds `value` would remove it: the row is refused. */
function refuseBlank(report: RowReport, row: number, value: number | undefined) {
  if (value !== undefined)
    report.add(row, 'value', 'blank_removes_value', 'blank, while the report holds a value', { value });
}

/**
 * Fills a report from the workbook above, all or nothing. The form must be this report's: a row
 * naming another quarter or report refuses the file (`other_report`), and so does a form naming
 * none (`report_unidentified`). An empty value cell is left out, but not where the report holds
 * a value for that indicator: the file would remove it, so the row is refused
 * (`blank_removes_value`), which stops a form downloaded earlier from deleting values saved since,
 * checked again in the write under the report's lock, so a save while the file is read counts too.
 */
export async function importReportValues(
  ctx: ServiceContext,
  id: string,
  upload: () => Promise<WorkbookBytes>,
): Promise<Report> {
  const { row: stored, plan, unit } = await loadReport(ctx.db, id);
  if (!canTarget(ctx.principal, 'report.read', { unitPath: unit.path })) throw notFound('report');
  const file = { xlsx: await upload() };
  const items = await planItems(ctx.db, plan.id);
  const byCode = new Map(items.map((i) => [i.code, i.item.indicatorId]));
  const measureOf = new Map(items.map((i) => [i.code, i.measure]));
  // The values held as the file is checked, for a report listing every problem at once; the
  // write checks its blank cells again against those held under the report's lock.
  const held = new Map(
    (await ctx.db.select().from(targetReportValues).where(eq(targetReportValues.reportId, id))).map((v) => [
      v.indicatorId,
      v.value,
    ]),
  );
  const blanks: Blank[] = [];
  // The sheet row of each value read, and of each indicator's first: a problem names its row.
  const rowOf: number[] = [];
  const firstRow = new Map<string, number>();
  let identified = 0;
  await runImport(ctx, file, {
    sheet: { columns: reportColumns },
    row(v, row, report) {
      if (v.period || v.report) {
        if (v.period !== stored.period || v.report !== id)
          report.add(row, 'period', 'other_report', `the form of another report (${v.period})`, {
            period: v.period ?? '',
          });
        else identified++;
      }
      const indicatorId = byCode.get(v.indicatorCode ?? '');
      if (!v.value) {
        if (indicatorId) {
          blanks.push({ row, indicatorId });
          refuseBlank(report, row, held.get(indicatorId));
        }
        return undefined;
      }
      const value = figure(v.value, measureOf.get(v.indicatorCode ?? ''));
      if (!indicatorId) report.add(row, 'indicatorCode', 'not_in_plan', 'not in the plan');
      if (!Number.isFinite(value) || Math.abs(value) > 1e12)
        report.add(row, 'value', 'not_a_number', 'not a number');
      if ((v.note ?? '').length > 200)
        report.add(row, 'note', 'too_big', 'at most 200 characters', { origin: 'string', maximum: 200 });
      if (!indicatorId) return undefined;
      const first = firstRow.get(indicatorId);
      if (first !== undefined) {
        report.add(row, 'indicatorCode', 'duplicate_of_row', `duplicate of row ${first}`, { row: first });
        return undefined;
      }
      firstRow.set(indicatorId, row);
      rowOf.push(row);
      return { indicatorId, value, note: v.note ?? '' };
    },
    check(_values, report) {
      if (identified === 0 && report.size === 0)
        report.problems.push({
          path: 'file',
          message: 'the form names no report; download this report’s form',
          code: 'report_unidentified',
        });
    },
    // The report's own checks: who may edit it, in which state, and the values against its plan.
    prepare: (values) => byRow(checkReportEdit(ctx, id, values), rowOf),
    write: async (tx, values) => ({
      result: null,
      audit: [
        {
          action: 'report.update',
          // A value saved since the file was checked is not removed by a blank cell either.
          ...(await writeReportValues(tx, id, values, 'excel', {
            refuse: (now) => {
              const stored = new Map(now.map((v) => [v.indicatorId, v.value]));
              const report = new RowReport();
              for (const { row, indicatorId } of blanks) refuseBlank(report, row, stored.get(indicatorId));
              report.throwIfAny();
            },
          })),
        },
      ],
    }),
  });
  return getReport(ctx, id);
}
