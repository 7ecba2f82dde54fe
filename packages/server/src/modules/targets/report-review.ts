import { and, eq, inArray, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../context.js';
import { notFound } from '../../errors.js';
import { isLate } from '../../kernel/deadlines.js';
import type { Report } from './contracts.js';
import { canTarget } from './policy.js';
import { getReport, loadReport } from './reports.js';
import { checkStep, commitStep, type ReviewStep, stepChanges, stepSources } from './review-flow.js';
import { targetReports, targetReportValues } from './schema.js';

/** One state change of a report (see review-flow.ts); a submission after the deadline is flagged late. */
async function moveReport(
  ctx: ServiceContext,
  id: string,
  step: ReviewStep,
  reason?: string,
): Promise<Report> {
  const { row, plan, unit } = await loadReport(ctx.db, id);
  if (!canTarget(ctx.principal, 'report.read', { unitPath: unit.path })) throw notFound('report');
  const policy = step === 'submit' ? 'report.submit' : 'report.review';
  const mayIn = (status: typeof row.status) =>
    canTarget(ctx.principal, policy, { unitPath: unit.path, status, planStatus: plan.status });
  await checkStep('report', step, row.status, mayIn, {
    count: async () => {
      const [c] = await ctx.db
        .select({ n: sql<number>`count(*)::int` })
        .from(targetReportValues)
        .where(eq(targetReportValues.reportId, id));
      return c?.n ?? 0;
    },
    empty: 'a report needs at least one value before it is submitted',
  });
  const now = new Date();
  const late = step === 'submit' ? { late: isLate(row.deadline, now) } : {};
  const changes = { ...stepChanges(ctx, step, now, reason), ...late };
  await commitStep(
    ctx,
    { what: 'report', id, step, before: row.status, after: { ...(reason ? { reason } : {}), ...late } },
    (tx) =>
      tx
        .update(targetReports)
        .set(changes)
        .where(and(eq(targetReports.id, id), inArray(targetReports.status, stepSources(step))))
        .returning({ id: targetReports.id }),
  );
  return getReport(ctx, id);
}

export const submitReport = (ctx: ServiceContext, id: string) => moveReport(ctx, id, 'submit');
export const approveReport = (ctx: ServiceContext, id: string) => moveReport(ctx, id, 'approve');
export const returnReport = (ctx: ServiceContext, id: string, reason: string) =>
  moveReport(ctx, id, 'return', reason);
