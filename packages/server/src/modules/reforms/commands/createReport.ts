import { and, eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { refuseOnUniqueViolation } from '../../../db/sql-state.js';
import { AppError, forbidden } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import { todayInChina } from '../../../kernel/deadlines.js';
import type { ReformReport, ReformReportInput } from '../contracts.js';
import { canReform } from '../policy.js';
import { reportDeadline } from '../queries/deadline.js';
import { projectForReading } from '../queries/projects.js';
import { getReport } from '../queries/reports.js';
import { reformReportItems, reformReports } from '../schema.js';
import { maskedForAudit } from './audit-masked.js';
import { holdProjectKey } from './held-parents.js';
import { mayAtAll } from './project-common.js';
import { checkItems } from './report-common.js';

const periodTaken = (period: string) =>
  new AppError('CONFLICT', `a report for ${period} exists`, [
    { path: 'period', message: 'taken', code: 'taken' },
  ]);

/** The lead unit starts a month's progress report of its project (a draft), once the month has ended. */
const command = defineCommand({
  name: 'reformReport.create',
  async load(ctx, input: ReformReportInput) {
    mayAtAll(ctx, 'report.edit');
    const p = await projectForReading(ctx, input.projectId);
    if (!canReform(ctx.principal, 'report.edit', p.resource)) throw forbidden();
    if (`${input.period}-01` > p.row.endDate || `${input.period}-31` < p.row.startDate)
      throw new AppError('VALIDATION', 'the month is outside the project', [
        { path: 'period', message: 'outside the project', code: 'outside_project_period' },
      ]);
    // A month is reported once it is over, by China's calendar: a report of a month still under
    // way would be approved and shown publicly before the month has happened.
    if (input.period >= todayInChina().slice(0, 7))
      throw new AppError('VALIDATION', `${input.period} has not ended yet`, [
        { path: 'period', message: 'a month that has ended', code: 'month_not_ended' },
      ]);
    await checkItems(ctx.db, p.row.id, input.items);
    const [taken] = await ctx.db
      .select({ id: reformReports.id })
      .from(reformReports)
      .where(and(eq(reformReports.projectId, p.row.id), eq(reformReports.period, input.period)));
    if (taken) throw periodTaken(input.period);
    return {};
  },
  async write(tx, _ctx, _loaded, { items, ...input }) {
    // The project may have been deleted since the checks.
    await holdProjectKey(tx, input.projectId);
    // Checked again in the write: the office may have removed a milestone the report speaks of, or
    // approved another month higher, since the checks.
    await checkItems(tx, input.projectId, items);
    // A colleague may have started the month's report since the check: the unique index says so.
    const [row] = await tx
      .insert(reformReports)
      .values({ ...input, deadline: reportDeadline(input.period) })
      .returning()
      .catch(refuseOnUniqueViolation(() => periodTaken(input.period)));
    if (items.length)
      await tx.insert(reformReportItems).values(items.map((i) => ({ ...i, reportId: row!.id })));
    return {
      result: row!.id,
      // A phone or ID number typed into the text is kept masked.
      audit: { entityType: 'reformReport', entityId: row!.id, after: maskedForAudit({ ...input, items }) },
    };
  },
});

export async function createReport(ctx: ServiceContext, input: ReformReportInput): Promise<ReformReport> {
  return getReport(ctx, await command.run(ctx, input));
}
