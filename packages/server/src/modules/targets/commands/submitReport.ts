import type { ServiceContext } from '../../../context.js';
import { defineCommand } from '../../../kernel/command.js';
import type { Report } from '../contracts/reports.js';
import { getReport } from '../queries/reports.js';
import { loadReportStep, writeReportStep } from './report-common.js';

/** The unit submits its draft or returned report; after the deadline it is flagged late. */
const command = defineCommand({
  name: 'report.submit',
  load: (ctx, id: string) => loadReportStep(ctx, id, 'submit'),
  async write(tx, _ctx, loaded, id) {
    return { result: undefined, audit: await writeReportStep(tx, id, 'submit', loaded) };
  },
});

export async function submitReport(ctx: ServiceContext, id: string): Promise<Report> {
  await command.run(ctx, id);
  return getReport(ctx, id);
}
