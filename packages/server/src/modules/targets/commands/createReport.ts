import { and, eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { refuseOnUniqueViolation } from '../../../db/sql-state.js';
import { AppError, forbidden, notFound } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import type { Report, ReportInput } from '../contracts/reports.js';
import { canTarget } from '../policy.js';
import { getSettings, reportDeadline } from '../queries/deadline.js';
import { splitQuarter } from '../queries/lookup.js';
import { loadPlan } from '../queries/plans.js';
import { getReport } from '../queries/reports.js';
import { targetReports, targetReportValues } from '../schema.js';
import { maskedForAudit } from './audit-masked.js';
import { checkValues, holdReportable, planNotApproved, refuseFrozenQuarter } from './report-common.js';

const periodTaken = (period: string) =>
  new AppError('CONFLICT', `a report for ${period} exists`, [
    { path: 'period', message: 'taken', code: 'taken' },
  ]);

/**
 * A quarter's report against an approved plan, as a draft, with its deadline fixed now; never for
 * a quarter whose scorecard is published.
 */
const command = defineCommand({
  name: 'report.create',
  async load(ctx, input: ReportInput) {
    const { row: plan, unit } = await loadPlan(ctx.db, input.planId);
    if (!canTarget(ctx.principal, 'plan.read', { unitPath: unit.path })) throw notFound('plan');
    if (!canTarget(ctx.principal, 'report.edit', { unitPath: unit.path, planStatus: 'approved' }))
      throw forbidden();
    if (plan.status !== 'approved') throw planNotApproved();
    if (splitQuarter(input.period).year !== plan.year)
      throw new AppError('VALIDATION', `the plan is for ${plan.year}`, [
        { path: 'period', message: 'outside the plan year', code: 'outside_plan_year' },
      ]);
    await refuseFrozenQuarter(ctx.db, input.period);
    await checkValues(ctx.db, plan.id, input.values);
    const [taken] = await ctx.db
      .select({ id: targetReports.id })
      .from(targetReports)
      .where(and(eq(targetReports.planId, plan.id), eq(targetReports.period, input.period)));
    if (taken) throw periodTaken(input.period);
    const deadline = reportDeadline(input.period, (await getSettings(ctx.db)).reportDeadlineWorkdays);
    return { plan, deadline };
  },
  async write(tx, _ctx, { plan, deadline }, input) {
    await holdReportable(tx, plan.id, input.period);
    const [row] = await tx
      .insert(targetReports)
      .values({ planId: plan.id, unitId: plan.unitId, period: input.period, deadline })
      .returning()
      // Two reports racing past the check meet at the unique index: the second is refused the same.
      .catch(refuseOnUniqueViolation(() => periodTaken(input.period)));
    if (input.values.length)
      await tx.insert(targetReportValues).values(input.values.map((v) => ({ ...v, reportId: row!.id })));
    return {
      result: row!.id,
      audit: { entityType: 'report', entityId: row!.id, after: maskedForAudit(input) },
    };
  },
});

export async function createReport(ctx: ServiceContext, input: ReportInput): Promise<Report> {
  return getReport(ctx, await command.run(ctx, input));
}
