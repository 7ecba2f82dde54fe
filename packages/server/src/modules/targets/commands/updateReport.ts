import type { ServiceContext } from '../../../context.js';
import { defineCommand } from '../../../kernel/command.js';
import type { Report } from '../contracts/reports.js';
import { getReport } from '../queries/reports.js';
import { checkReportEdit, type Value, writeReportValues } from './report-common.js';

/** Replaces the values of a draft or returned report by the form (Excel: importReportValues.ts). */
const command = defineCommand({
  name: 'report.update',
  load: (ctx, { id, values }: { id: string; values: Value[]; via: string }) =>
    checkReportEdit(ctx, id, values),
  async write(tx, _ctx, before, { id, values, via }) {
    return { result: undefined, audit: await writeReportValues(tx, id, values, before, via) };
  },
});

export async function updateReport(
  ctx: ServiceContext,
  id: string,
  values: Value[],
  via = 'form',
): Promise<Report> {
  await command.run(ctx, { id, values, via });
  return getReport(ctx, id);
}
