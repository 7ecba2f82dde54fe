import { and, eq, inArray, sql } from 'drizzle-orm';
import { audit } from '../../audit/audit.js';
import { actor, type ServiceContext } from '../../context.js';
import { AppError, forbidden, notFound } from '../../errors.js';
import type { Report } from './contracts.js';
import { isLate } from './deadline.js';
import { canTarget } from './policy.js';
import { getReport, loadReport } from './reports.js';
import { targetReports, targetReportValues } from './schema.js';

type Status = (typeof targetReports.$inferSelect)['status'];

/**
 * draft|returned → submitted (the unit; flagged late after the deadline), submitted →
 * approved | returned (the office), each conditional on the state read.
 */
async function moveReport(
  ctx: ServiceContext,
  id: string,
  action: 'report.submit' | 'report.approve' | 'report.return',
  to: Status,
  reason?: string,
): Promise<Report> {
  const { row, plan, unit } = await loadReport(ctx.db, id);
  if (!canTarget(ctx.principal, 'report.read', { unitPath: unit.path })) throw notFound('report');
  const policy = action === 'report.submit' ? 'report.submit' : 'report.review';
  const from: Status[] = action === 'report.submit' ? ['draft', 'returned'] : ['submitted'];
  const anyState = from.some((s) =>
    canTarget(ctx.principal, policy, { unitPath: unit.path, status: s, planStatus: plan.status }),
  );
  if (!anyState) throw forbidden();
  if (!from.includes(row.status)) throw new AppError('INVALID_STATE', `the report is ${row.status}`);
  const now = new Date();
  if (action === 'report.submit') {
    const [count] = await ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(targetReportValues)
      .where(eq(targetReportValues.reportId, id));
    if (!count?.n)
      throw new AppError('INVALID_STATE', 'a report needs at least one value before it is submitted');
  }
  const changes =
    action === 'report.submit'
      ? { status: to, submittedAt: now, late: isLate(row.deadline, now), returnReason: null, updatedAt: now }
      : {
          status: to,
          reviewedAt: now,
          reviewedBy: ctx.principal!.userId,
          returnReason: reason ?? null,
          updatedAt: now,
        };
  await ctx.db.transaction(async (tx) => {
    const done = await tx
      .update(targetReports)
      .set(changes)
      .where(and(eq(targetReports.id, id), inArray(targetReports.status, from)))
      .returning({ id: targetReports.id });
    if (!done.length) throw new AppError('INVALID_STATE', 'the report changed meanwhile');
    await audit(tx, actor(ctx), {
      action,
      entityType: 'report',
      entityId: id,
      before: { status: row.status },
      after: {
        status: to,
        ...(reason ? { reason } : {}),
        ...('late' in changes ? { late: changes.late } : {}),
      },
    });
  });
  return getReport(ctx, id);
}

export const submitReport = (ctx: ServiceContext, id: string) =>
  moveReport(ctx, id, 'report.submit', 'submitted');
export const approveReport = (ctx: ServiceContext, id: string) =>
  moveReport(ctx, id, 'report.approve', 'approved');
export const returnReport = (ctx: ServiceContext, id: string, reason: string) =>
  moveReport(ctx, id, 'report.return', 'returned', reason);
