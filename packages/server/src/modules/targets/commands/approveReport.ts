import type { ServiceContext } from '../../../context.js';
import { defineCommand } from '../../../kernel/command.js';
import type { Report } from '../contracts/reports.js';
import { getReport } from '../queries/reports.js';
import { reportAudience, tellUnit } from './notify.js';
import { loadReportStep, writeReportStep } from './report-common.js';

/** The office approves a submitted report. */
const command = defineCommand({
  name: 'report.approve',
  load: async (ctx, id: string) => ({
    ...(await loadReportStep(ctx, id, 'approve')),
    audience: await reportAudience(ctx.db, id),
  }),
  async write(tx, _ctx, loaded, id) {
    const audit = await writeReportStep(tx, id, 'approve', loaded);
    await tellUnit(tx, loaded.audience, 'targets.report.approved');
    return { result: undefined, audit };
  },
});

export async function approveReport(ctx: ServiceContext, id: string): Promise<Report> {
  await command.run(ctx, id);
  return getReport(ctx, id);
}
