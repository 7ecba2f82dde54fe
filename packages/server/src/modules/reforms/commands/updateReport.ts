import { and, eq, inArray } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { forbidden } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import { assertMoved, wrongState } from '../../../kernel/workflow.js';
import type { ReformReport, ReformReportUpdate } from '../contracts.js';
import { canReform } from '../policy.js';
import { getReport, readableReport } from '../queries/reports.js';
import { reformReportItems, reformReports } from '../schema.js';
import { maskedForAudit } from './audit-masked.js';
import { mayAtAll } from './project-common.js';
import { checkItems, reportFlow } from './report-common.js';

const editableStates = ['draft', 'returned'];

/** The lead unit rewrites its draft or returned report: text and milestones alike. */
const command = defineCommand({
  name: 'reformReport.update',
  async load(ctx, input: { id: string; body: ReformReportUpdate }) {
    mayAtAll(ctx, 'report.edit');
    const r = await readableReport(ctx, input.id);
    if (!canReform(ctx.principal, 'report.edit', { ...r.resource, status: undefined })) throw forbidden();
    if (!canReform(ctx.principal, 'report.edit', r.resource))
      throw wrongState(reportFlow, r.row.status, editableStates);
    await checkItems(ctx.db, r.row.projectId, input.body.items);
    const before = await ctx.db
      .select()
      .from(reformReportItems)
      .where(eq(reformReportItems.reportId, input.id));
    return { row: r.row, before };
  },
  async write(tx, _ctx, { row, before }, { id, body: { items, ...text } }) {
    // Only while it is still editable: a submission in between wins.
    const still = await tx
      .update(reformReports)
      .set({ ...text, updatedAt: new Date() })
      .where(and(eq(reformReports.id, id), inArray(reformReports.status, ['draft', 'returned'])))
      .returning({ id: reformReports.id });
    assertMoved(reportFlow, still);
    // Checked again in the write: the office may have removed a milestone the report speaks of, or
    // approved another month higher, since the checks.
    await checkItems(tx, row.projectId, items);
    await tx.delete(reformReportItems).where(eq(reformReportItems.reportId, id));
    if (items.length) await tx.insert(reformReportItems).values(items.map((i) => ({ ...i, reportId: id })));
    return {
      result: id,
      audit: {
        entityType: 'reformReport',
        entityId: id,
        // A phone or ID number typed into the text is kept masked.
        before: maskedForAudit({ summary: row.summary, problems: row.problems, items: before }),
        after: maskedForAudit({ ...text, items }),
      },
    };
  },
});

export async function updateReport(
  ctx: ServiceContext,
  id: string,
  body: ReformReportUpdate,
): Promise<ReformReport> {
  return getReport(ctx, await command.run(ctx, { id, body }));
}
