import type { ServiceContext } from '../../../context.js';
import { defineCommand } from '../../../kernel/command.js';
import { maskNumbersInText } from '../../../privacy.js';
import type { ReformReport } from '../contracts.js';
import { getReport } from '../queries/reports.js';
import { maskedForAudit } from './audit-masked.js';
import { holdersOver, tell } from './notify-common.js';
import { loadForStep, moveReport } from './report-common.js';

/** The reform office sends a report back with its reason; the lead unit corrects and submits again. */
const command = defineCommand({
  name: 'reformReport.return',
  async load(ctx, input: { id: string; reason: string }) {
    const loaded = await loadForStep(ctx, input.id, 'return');
    return { ...loaded, unit: await holdersOver(ctx.db, 'department_staff', loaded.project.lead.path) };
  },
  async write(tx, ctx, { row, project, unit }, { reason }) {
    await moveReport(tx, row.id, 'return', {
      reviewedAt: new Date(),
      reviewedBy: ctx.principal!.userId,
      returnReason: reason,
    });
    await tell(tx, unit, 'reforms.notice.returned', {
      reportId: row.id,
      projectName: project.row.name,
      period: row.period,
      // A line of the unit's inbox: numbers masked, as every list shows them; the report keeps it whole.
      reason: maskNumbersInText(reason),
    });
    return {
      result: row.id,
      audit: {
        entityType: 'reformReport',
        entityId: row.id,
        before: { status: row.status },
        after: maskedForAudit({ status: 'returned', reason }),
      },
    };
  },
});

export async function returnReport(ctx: ServiceContext, id: string, reason: string): Promise<ReformReport> {
  return getReport(ctx, await command.run(ctx, { id, reason }));
}
