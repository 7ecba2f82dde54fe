import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import { AppError, notFound } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import { isLate } from '../../../kernel/deadlines.js';
import type { ReformReport } from '../contracts.js';
import { getReport } from '../queries/reports.js';
import { reformReportItems, reformReports } from '../schema.js';
import { holdersOver, tell } from './notify-common.js';
import { checkItems, loadForStep, moveReport } from './report-common.js';

/**
 * A report says something before it is sent: its summary, or how far a milestone got; and none
 * of its milestones below what is approved of it already.
 */
async function checkContent(db: Db, id: string) {
  const [report] = await db
    .select({ projectId: reformReports.projectId, summary: reformReports.summary })
    .from(reformReports)
    .where(eq(reformReports.id, id));
  if (!report) throw notFound('report');
  const items = await db
    .select({ milestoneId: reformReportItems.milestoneId, done: reformReportItems.done })
    .from(reformReportItems)
    .where(eq(reformReportItems.reportId, id));
  // Refused as the form's own fault, its progress field named: "cannot do this in the current
  // state" did not tell the lead unit what to write.
  if (!items.length && !report.summary.trim())
    throw new AppError('VALIDATION', 'a report says what moved before it is submitted', [
      {
        path: 'summary',
        message: 'say what moved this month, or how far a milestone got',
        code: 'required',
      },
    ]);
  // A milestone approved higher since the draft was written: the report must not lower it.
  await checkItems(db, report.projectId, items);
}

/** The lead unit sends its report to the reform office; one first sent after its deadline is marked late. */
const command = defineCommand({
  name: 'reformReport.submit',
  async load(ctx, input: { id: string }) {
    const loaded = await loadForStep(ctx, input.id, 'submit');
    await checkContent(ctx.db, input.id);
    return { ...loaded, office: await holdersOver(ctx.db, 'admin', loaded.project.lead.path) };
  },
  async write(tx, ctx, { row, project, office }) {
    const now = new Date();
    // Lateness is judged on the first submission: a report sent in time, returned by the office
    // and sent again is still on time. `submittedAt` keeps that first moment (the audit log has
    // every later one), so a resubmission keeps both it and the verdict.
    const first = row.submittedAt === null;
    const late = first ? isLate(row.deadline, now) : row.late;
    await moveReport(tx, row.id, 'submit', {
      ...(first ? { submittedAt: now, submittedBy: ctx.principal!.userId, late } : {}),
      returnReason: null,
    });
    // Checked again now the report is held (an edit waits for the move, or went first): one
    // emptied since the checks is not sent.
    await checkContent(tx, row.id);
    await tell(tx, office, 'reforms.notice.submitted', {
      reportId: row.id,
      projectName: project.row.name,
      unit: project.lead.name,
      period: row.period,
    });
    return {
      result: row.id,
      audit: {
        entityType: 'reformReport',
        entityId: row.id,
        before: { status: row.status },
        after: { status: 'submitted', late },
      },
    };
  },
});

export async function submitReport(ctx: ServiceContext, id: string): Promise<ReformReport> {
  return getReport(ctx, await command.run(ctx, { id }));
}
