import type { ServiceContext } from '../../../context.js';
import { defineCommand } from '../../../kernel/command.js';
import type { Report } from '../contracts/reports.js';
import { getReport } from '../queries/reports.js';
import { reportAudience, tellUnit } from './notify.js';
import { loadReportStep, writeReportStep } from './report-common.js';

/** The office returns a submitted report to its unit, saying why. */
const command = defineCommand({
  name: 'report.return',
  load: async (ctx, { id, reason }: { id: string; reason: string }) => ({
    ...(await loadReportStep(ctx, id, 'return', reason)),
    audience: await reportAudience(ctx.db, id),
  }),
  async write(tx, _ctx, loaded, { id, reason }) {
    const audit = await writeReportStep(tx, id, 'return', loaded);
    await tellUnit(tx, loaded.audience, 'targets.report.returned', { reason });
    return { result: undefined, audit };
  },
});

export async function returnReport(ctx: ServiceContext, id: string, reason: string): Promise<Report> {
  await command.run(ctx, { id, reason });
  return getReport(ctx, id);
}
