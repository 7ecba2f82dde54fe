import type { ServiceContext } from '../../../context.js';
import { defineCommand } from '../../../kernel/command.js';
import type { Report } from '../contracts/reports.js';
import { getReport } from '../queries/reports.js';
import { loadReportStep, writeReportStep } from './report-common.js';

/** The office approves a submitted report. */
const command = defineCommand({
  name: 'report.approve',
  load: (ctx, id: string) => loadReportStep(ctx, id, 'approve'),
  async write(tx, _ctx, loaded, id) {
    return { result: undefined, audit: await writeReportStep(tx, id, 'approve', loaded) };
  },
});

export async function approveReport(ctx: ServiceContext, id: string): Promise<Report> {
  await command.run(ctx, id);
  return getReport(ctx, id);
}
