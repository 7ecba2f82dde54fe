import type { ServiceContext } from '../../../context.js';
import { defineCommand } from '../../../kernel/command.js';
import type { Report } from '../contracts/reports.js';
import { getReport } from '../queries/reports.js';
import { checkReportEdit, type Value, writeReportValues } from './report-common.js';

/**
 * Replaces the values of a draft or returned report by the form (Excel: importReportValues.ts),
 * if the report has not changed since the form read it (`updatedAt`, else CONFLICT `edited_meanwhile`).
 */
const command = defineCommand({
  name: 'report.update',
  load: (ctx, { id, values }: { id: string; values: Value[]; updatedAt: string }) =>
    checkReportEdit(ctx, id, values),
  async write(tx, _ctx, _loaded, { id, values, updatedAt }) {
    return {
      result: undefined,
      audit: await writeReportValues(tx, id, values, 'form', { unchangedSince: updatedAt }),
    };
  },
});

export async function updateReport(
  ctx: ServiceContext,
  id: string,
  { values, updatedAt }: { values: Value[]; updatedAt: string },
): Promise<Report> {
  await command.run(ctx, { id, values, updatedAt });
  return getReport(ctx, id);
}
