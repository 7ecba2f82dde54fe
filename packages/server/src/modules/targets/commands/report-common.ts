import { and, eq, inArray } from 'drizzle-orm';
import type { AuditEntry } from '../../../audit/audit.js';
import type { ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import type { Tx } from '../../../db/transaction.js';
import { AppError, type FieldError, forbidden, notFound } from '../../../errors.js';
import { isLate } from '../../../kernel/deadlines.js';
import { movedMeanwhile, wrongState } from '../../../kernel/workflow.js';
import { canTarget, editable } from '../policy.js';
import { quarterEnd, quarterEnded } from '../queries/deadline.js';
import { planItems } from '../queries/plans.js';
import { loadReport, plannedValueCount } from '../queries/reports.js';
import { quarterPublished } from '../queries/scorecards.js';
import { targetPlans, targetReports, targetReportValues } from '../schema.js';
import { maskedForAudit } from './audit-masked.js';
import { editedMeanwhile } from './edited-meanwhile.js';
import {
  checkStep,
  type ReviewStep,
  reviewEntity,
  type StepLoaded,
  stepAudit,
  stepChanges,
  stepSources,
} from './review-common.js';

export type Value = { indicatorId: string; value: number; note: string };

/** Reported values: each indicator once, and only those of the plan. */
export async function checkValues(db: Db, planId: string, values: Value[]): Promise<void> {
  const planned = new Set((await planItems(db, planId)).map((i) => i.item.indicatorId));
  const problems: FieldError[] = [];
  const seen = new Set<string>();
  values.forEach((v, k) => {
    if (!planned.has(v.indicatorId))
      problems.push({ path: `values.${k}.indicatorId`, message: 'not in the plan', code: 'not_in_plan' });
    if (seen.has(v.indicatorId))
      problems.push({ path: `values.${k}.indicatorId`, message: 'listed twice', code: 'listed_twice' });
    seen.add(v.indicatorId);
  });
  if (problems.length) throw new AppError('VALIDATION', 'the reported values are invalid', problems);
}

/** Why a step on a report of a published quarter is refused, by the step's kind. */
const publishedRefusals = {
  // A report started or sent in now would never count: the ranking is frozen.
  quarter_published: 'the quarter’s scorecard is published; its reports no longer count',
  // The public ranking stands on it, and the unit could never submit it again.
  report_ranked_published: 'the quarter’s scorecard is published; the reports it ranked stay as they are',
} as const;

async function refusePublished(db: Db, period: string, code: keyof typeof publishedRefusals, lock: boolean) {
  if (await quarterPublished(db, period, lock))
    throw new AppError('INVALID_STATE', `the ${period} scorecard is published`, [
      { path: 'period', message: publishedRefusals[code], code },
    ]);
}

/** Refuses a report for a quarter whose scorecard is published (`quarter_published`). */
export const refuseFrozenQuarter = (db: Db, period: string, lock = false) =>
  refusePublished(db, period, 'quarter_published', lock);

/** A report started, saved, submitted or approved against a plan that is not (or no longer) approved. */
export const planNotApproved = (title = 'reports are written against an approved plan only') =>
  new AppError('INVALID_STATE', title, [
    { path: 'planId', message: 'the plan is not approved', code: 'plan_not_approved' },
  ]);

/**
 * A report's approval while its plan is being revised (reopened, or returned): it would stand,
 * approved, against targets the office has sent back; it waits until the plan is approved again.
 */
const approvalWaitsForPlan = () => planNotApproved('a report is approved against an approved plan only');

/**
 * Inside a report's write: its plan is still approved, held with a share lock until the write
 * commits. A plan reopened between the checks and the write refuses it, and a reopening that
 * comes later waits for it.
 */
export async function holdApprovedPlan(tx: Tx, planId: string, refusal = planNotApproved): Promise<void> {
  const [plan] = await tx
    .select({ status: targetPlans.status })
    .from(targetPlans)
    .where(eq(targetPlans.id, planId))
    .for('share');
  if (plan?.status !== 'approved') throw refusal();
}

/**
 * Inside the write of a report's creation or submission: its plan still approved and its quarter
 * not published, both held until the write commits; a publication under way is waited for, and
 * one that comes later scores the quarter with this report in it (and so refuses a stale draft).
 */
export async function holdReportable(tx: Tx, planId: string, period: string): Promise<void> {
  await holdApprovedPlan(tx, planId);
  await refuseFrozenQuarter(tx, period, true);
}

/**
 * A report whose values or files may not change: its plan is back with the unit for revision
 * (`plan_not_approved`), else the report is submitted or approved (`invalid_transition`).
 */
export function reportNotEditable(status: string, planStatus: string): AppError {
  if (planStatus !== 'approved') return planNotApproved('the report waits for its plan to be approved again');
  return wrongState({ name: 'report', entity: reviewEntity.report }, status, ['draft', 'returned']);
}

/** Refuses to return a report of a published quarter (`report_ranked_published`). */
export const refuseRankedReturn = (db: Db, period: string, lock = false) =>
  refusePublished(db, period, 'report_ranked_published', lock);

/** Who may replace a report's values, in which state, and with which values. */
export async function checkReportEdit(ctx: ServiceContext, id: string, values: Value[]): Promise<void> {
  const { row, plan, unit } = await loadReport(ctx.db, id);
  const r = { unitPath: unit.path, status: row.status, planStatus: plan.status };
  if (!canTarget(ctx.principal, 'report.read', r)) throw notFound('report');
  if (!canTarget(ctx.principal, 'report.edit', { ...r, status: undefined })) throw forbidden();
  if (!canTarget(ctx.principal, 'report.edit', r)) throw reportNotEditable(row.status, plan.status);
  await checkValues(ctx.db, plan.id, values);
}

/** A report's values as stored. */
export type HeldValue = typeof targetReportValues.$inferSelect;

/** What a replacement of a report's values checks under the report's lock besides its state and plan. */
export interface ValuesGuard {
  /** The updatedAt the form read: a report saved since is not replaced (`edited_meanwhile`). */
  unchangedSince?: string;
  /** Throws to refuse the replacement, given the values the report holds under the lock. */
  refuse?: (held: HeldValue[]) => void;
}

/**
 * Replaces a checked report's values inside the caller's transaction; the event to audit with it
 * (its action is `report.update`, by form or by Excel).
 */
export async function writeReportValues(
  tx: Tx,
  id: string,
  values: Value[],
  via: string,
  { unchangedSince, refuse }: ValuesGuard = {},
): Promise<Omit<AuditEntry, 'action'>> {
  // Checked again under a lock: a submission between the check and this write keeps its values.
  const [locked] = await tx
    .select({
      status: targetReports.status,
      updatedAt: targetReports.updatedAt,
      planId: targetReports.planId,
    })
    .from(targetReports)
    .where(eq(targetReports.id, id))
    .for('update');
  if (!locked) throw notFound('report');
  if (!editable(locked.status)) throw reportNotEditable(locked.status, 'approved');
  // A plan reopened meanwhile is being revised: the report waits for it to be approved again.
  await holdApprovedPlan(tx, locked.planId);
  // A form read before another save does not replace it (`unchangedSince`, the updatedAt it read).
  if (unchangedSince !== undefined && locked.updatedAt.toISOString() !== unchangedSince)
    throw editedMeanwhile('report');
  // The values replaced, read under the lock: a save just before this write is what is replaced.
  const before = await tx.select().from(targetReportValues).where(eq(targetReportValues.reportId, id));
  refuse?.(before);
  await tx.delete(targetReportValues).where(eq(targetReportValues.reportId, id));
  if (values.length) await tx.insert(targetReportValues).values(values.map((v) => ({ ...v, reportId: id })));
  await tx.update(targetReports).set({ updatedAt: new Date() }).where(eq(targetReports.id, id));
  // A note may hold a phone or ID number typed into it: the log keeps it masked.
  return {
    entityType: 'report',
    entityId: id,
    before: maskedForAudit(before),
    after: maskedForAudit({ via, values }),
  };
}

/** A submission of a report with no value of its plan's indicators. */
const reportEmpty = {
  path: 'values',
  message: 'a report needs at least one value before it is submitted',
  code: 'report_empty',
};

/** How many values of its plan's indicators the report holds (see plannedValueCount). */
async function countPlannedValues(db: Db | Tx, id: string): Promise<number> {
  const [c] = await db
    .select({ n: plannedValueCount(targetReports.id, targetReports.planId) })
    .from(targetReports)
    .where(eq(targetReports.id, id));
  return c?.n ?? 0;
}

/**
 * Reads a report for a review step (see review-common.ts) and checks the step may be taken; a
 * submission after the deadline is flagged late.
 */
export async function loadReportStep(
  ctx: ServiceContext,
  id: string,
  step: ReviewStep,
  reason?: string,
): Promise<StepLoaded> {
  const { row, plan, unit } = await loadReport(ctx.db, id);
  if (!canTarget(ctx.principal, 'report.read', { unitPath: unit.path })) throw notFound('report');
  const policy = step === 'submit' ? 'report.submit' : 'report.review';
  const mayIn = (status: typeof row.status) =>
    canTarget(ctx.principal, policy, { unitPath: unit.path, status, planStatus: plan.status });
  await checkStep('report', step, row.status, mayIn, {
    count: () => countPlannedValues(ctx.db, id),
    empty: reportEmpty,
  });
  const now = new Date();
  // A quarter's actual values exist once it is over: a draft may be saved before, not submitted.
  if (step === 'submit' && !quarterEnded(row.period, now))
    throw new AppError('VALIDATION', `${row.period} has not ended yet`, [
      {
        path: 'period',
        message: `the quarter ends on ${quarterEnd(row.period)}`,
        code: 'quarter_not_ended',
        params: { end: quarterEnd(row.period) },
      },
    ]);
  if (step === 'submit') await refuseFrozenQuarter(ctx.db, row.period);
  if (step === 'return') await refuseRankedReturn(ctx.db, row.period);
  if (step === 'approve' && plan.status !== 'approved') throw approvalWaitsForPlan();
  // A report the office returned keeps the lateness and the submission time of its first
  // submission: when the office reviewed it is not the unit's delay, nor a reason to lose a tie.
  const first =
    step === 'submit' && row.submittedAt ? { late: row.late, submittedAt: row.submittedAt } : null;
  const late = step === 'submit' ? { late: first ? first.late : isLate(row.deadline, now) } : {};
  // A submission was checked non-empty as read: a save in between must not slip an empty one through.
  const unchangedSince = step === 'submit' ? { unchangedSince: row.updatedAt } : {};
  return {
    ...unchangedSince,
    before: row.status,
    changes: { ...stepChanges(ctx, step, now, reason, first?.submittedAt ?? now), ...late },
    after: { ...(reason ? { reason } : {}), ...late },
    report: { planId: plan.id, period: row.period },
  };
}

/**
 * Inside a submission's write: the report as its checks read it (`checkedAt`, its updatedAt then),
 * locked until the write commits. A save since then that left no value refuses with
 * `report_empty`, any other with `moved_meanwhile`: what was checked is not what would be sent.
 */
async function holdChecked(tx: Tx, id: string, checkedAt: Date | undefined): Promise<void> {
  if (!checkedAt) return;
  const [row] = await tx
    .select({ updatedAt: targetReports.updatedAt })
    .from(targetReports)
    .where(eq(targetReports.id, id))
    .for('update');
  if (!row || row.updatedAt.getTime() === checkedAt.getTime()) return;
  if ((await countPlannedValues(tx, id)) === 0)
    throw new AppError('INVALID_STATE', reportEmpty.message, [reportEmpty]);
  throw movedMeanwhile({ name: 'report' });
}

/** Moves the report, on condition it is still in a state the step leaves; the step's audit entry. */
export async function writeReportStep(tx: Tx, id: string, step: ReviewStep, loaded: StepLoaded) {
  // The report locked first, as a save locks it before its plan.
  if (step === 'submit') await holdChecked(tx, id, loaded.unchangedSince);
  // Checked again under share locks: a plan reopened or a quarter published meanwhile refuses.
  if (loaded.report && step === 'submit')
    await holdReportable(tx, loaded.report.planId, loaded.report.period);
  // An approval holds its plan approved until it commits: a reopening waits for it, then finds it.
  if (loaded.report && step === 'approve')
    await holdApprovedPlan(tx, loaded.report.planId, approvalWaitsForPlan);
  if (loaded.report && step === 'return') await refuseRankedReturn(tx, loaded.report.period, true);
  const moved = await tx
    .update(targetReports)
    .set(loaded.changes)
    .where(
      and(
        eq(targetReports.id, id),
        inArray(targetReports.status, stepSources(step)),
        loaded.unchangedSince ? eq(targetReports.updatedAt, loaded.unchangedSince) : undefined,
      ),
    )
    .returning({ id: targetReports.id });
  return stepAudit('report', id, step, loaded, moved);
}
