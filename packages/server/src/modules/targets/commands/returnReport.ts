import type { ServiceContext } from '../../../context.js';
import { defineCommand } from '../../../kernel/command.js';
import type { Report } from '../contracts/reports.js';
import { getReport } from '../queries/reports.js';
import { loadReportStep, writeReportStep } from './report-common.js';

/** The office returns a submitted report to its unit, saying why. */
const command = defineCommand({
  name: 'report.return',
  load: (ctx, { id, reason }: { id: string; reason: string }) => loadReportStep(ctx, id, 'return', reason),
  async write(tx, _ctx, loaded, { id }) {
    return { result: undefined, audit: await writeReportStep(tx, id, 'return', loaded) };
  },
});

export async function returnReport(ctx: ServiceContext, id: string, reason: string): Promise<Report> {
  await command.run(ctx, { id, reason });
  return getReport(ctx, id);
}
