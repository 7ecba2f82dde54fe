import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { type AuditEntry, audit } from '../../audit/audit.js';
import { actor, type ServiceContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { type Tx, transaction } from '../../db/transaction.js';
import { AppError, type FieldError, forbidden, notFound } from '../../errors.js';
import { listAttachments } from '../../kernel/attachments.js';
import { todayInChina } from '../../kernel/deadlines.js';
import type { Unit } from '../units/api.js';
import type { Report, ReportInput, ReportSummary } from './contracts.js';
import { getSettings, reportDeadline } from './deadline.js';
import { iso, splitQuarter, unitMap } from './lookup.js';
import { loadPlan, planItems } from './plans.js';
import { canTarget, scopePaths } from './policy.js';
import { targetPlans, targetReports, targetReportValues } from './schema.js';

type ReportRow = typeof targetReports.$inferSelect;
type Value = { indicatorId: string; value: number; note: string };

const summary = (row: ReportRow, unit: Unit | undefined, valueCount: number): ReportSummary => ({
  id: row.id,
  planId: row.planId,
  unitId: row.unitId,
  unitName: unit?.name ?? '',
  period: row.period,
  status: row.status,
  deadline: row.deadline,
  late: row.late,
  returnReason: row.returnReason,
  submittedAt: iso(row.submittedAt),
  valueCount,
  isDemo: row.isDemo,
});

export interface ReportFilter {
  period?: string | undefined;
  unitId?: string | undefined;
  status?: ReportSummary['status'] | undefined;
}

/** Reports the actor may read, plus the units with an approved plan that are past the deadline. */
export async function listReports(ctx: ServiceContext, f: ReportFilter) {
  const scope = scopePaths(ctx.principal);
  const units = await unitMap(ctx.db);
  const visible =
    scope === 'all'
      ? null
      : [...units.values()].filter((u) => scope.some((p) => u.path.startsWith(p))).map((u) => u.id);
  if (visible && visible.length === 0) return { items: [], overdue: [] };
  const conditions: SQL[] = [];
  if (visible) conditions.push(inArray(targetReports.unitId, visible));
  if (f.period) conditions.push(eq(targetReports.period, f.period));
  if (f.unitId) conditions.push(eq(targetReports.unitId, f.unitId));
  if (f.status) conditions.push(eq(targetReports.status, f.status));
  const rows = await ctx.db
    .select({
      r: targetReports,
      n: sql<number>`(select count(*)::int from target_report_values v where v.report_id = ${targetReports.id})`,
    })
    .from(targetReports)
    .where(and(...conditions))
    .orderBy(asc(targetReports.period));
  const items = rows.map(({ r, n }) => summary(r, units.get(r.unitId), n));
  const overdue: Array<{ planId: string; unitId: string; unitName: string; deadline: string }> = [];
  if (f.period) {
    const deadline = reportDeadline(f.period, (await getSettings(ctx.db)).reportDeadlineWorkdays);
    if (todayInChina() > deadline) {
      const reported = new Set(items.filter((i) => i.status !== 'draft').map((i) => i.planId));
      const plans = await ctx.db
        .select()
        .from(targetPlans)
        .where(
          and(
            eq(targetPlans.year, splitQuarter(f.period).year),
            eq(targetPlans.status, 'approved'),
            visible ? inArray(targetPlans.unitId, visible) : undefined,
            f.unitId ? eq(targetPlans.unitId, f.unitId) : undefined,
          ),
        );
      for (const p of plans)
        if (!reported.has(p.id))
          overdue.push({
            planId: p.id,
            unitId: p.unitId,
            unitName: units.get(p.unitId)?.name ?? '',
            deadline,
          });
    }
  }
  return { items, overdue };
}

export async function loadReport(db: Db, id: string) {
  const [row] = await db.select().from(targetReports).where(eq(targetReports.id, id));
  if (!row) throw notFound('report');
  const plan = await loadPlan(db, row.planId);
  return { row, plan: plan.row, unit: plan.unit };
}

export async function getReport(ctx: ServiceContext, id: string): Promise<Report> {
  const { row, plan, unit } = await loadReport(ctx.db, id);
  const r = { unitPath: unit.path, status: row.status, planStatus: plan.status };
  if (!canTarget(ctx.principal, 'report.read', r)) throw notFound('report');
  const items = await planItems(ctx.db, plan.id);
  const values = new Map(
    (await ctx.db.select().from(targetReportValues).where(eq(targetReportValues.reportId, id))).map((v) => [
      v.indicatorId,
      v,
    ]),
  );
  const q = splitQuarter(row.period).quarter;
  const evidence = await listAttachments(ctx.db, { kind: 'report', id });
  return {
    ...summary(row, unit, values.size),
    values: items.flatMap(({ item, code, name }) => {
      const v = values.get(item.indicatorId);
      if (!v) return [];
      const target = [item.targetQ1, item.targetQ2, item.targetQ3, item.targetQ4][q - 1]!;
      return [
        {
          indicatorId: v.indicatorId,
          indicatorCode: code,
          indicatorName: name,
          value: v.value,
          note: v.note,
          target,
        },
      ];
    }),
    evidence,
    actions: {
      edit: canTarget(ctx.principal, 'report.edit', r),
      submit: canTarget(ctx.principal, 'report.submit', r) && values.size > 0,
      review: canTarget(ctx.principal, 'report.review', r),
    },
  };
}

async function checkValues(db: Db, planId: string, values: Value[]): Promise<void> {
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

export async function createReport(ctx: ServiceContext, input: ReportInput): Promise<Report> {
  const { row: plan, unit } = await loadPlan(ctx.db, input.planId);
  if (!canTarget(ctx.principal, 'plan.read', { unitPath: unit.path })) throw notFound('plan');
  if (!canTarget(ctx.principal, 'report.edit', { unitPath: unit.path, planStatus: 'approved' }))
    throw forbidden();
  if (plan.status !== 'approved') throw new AppError('INVALID_STATE', 'report against an approved plan only');
  if (splitQuarter(input.period).year !== plan.year)
    throw new AppError('VALIDATION', `the plan is for ${plan.year}`, [
      { path: 'period', message: 'outside the plan year', code: 'outside_plan_year' },
    ]);
  await checkValues(ctx.db, plan.id, input.values);
  const [taken] = await ctx.db
    .select({ id: targetReports.id })
    .from(targetReports)
    .where(and(eq(targetReports.planId, plan.id), eq(targetReports.period, input.period)));
  if (taken)
    throw new AppError('CONFLICT', `a report for ${input.period} exists`, [
      { path: 'period', message: 'taken', code: 'taken' },
    ]);
  const deadline = reportDeadline(input.period, (await getSettings(ctx.db)).reportDeadlineWorkdays);
  const id = await transaction(ctx.db, async (tx) => {
    const [row] = await tx
      .insert(targetReports)
      .values({ planId: plan.id, unitId: plan.unitId, period: input.period, deadline })
      .returning();
    if (input.values.length)
      await tx.insert(targetReportValues).values(input.values.map((v) => ({ ...v, reportId: row!.id })));
    await audit(tx, actor(ctx), {
      action: 'report.create',
      entityType: 'report',
      entityId: row!.id,
      after: input,
    });
    return row!.id;
  });
  return getReport(ctx, id);
}

/** Replaces the values of a draft or returned report (form or Excel). */
export async function updateReport(
  ctx: ServiceContext,
  id: string,
  values: Value[],
  via = 'form',
): Promise<Report> {
  const before = await checkReportEdit(ctx, id, values);
  await transaction(ctx.db, async (tx) => {
    await audit(tx, actor(ctx), await writeReportValues(tx, id, values, before, via));
  });
  return getReport(ctx, id);
}

/** Who may replace a report's values, in which state, and with which values; the values before. */
export async function checkReportEdit(ctx: ServiceContext, id: string, values: Value[]) {
  const { row, plan, unit } = await loadReport(ctx.db, id);
  const r = { unitPath: unit.path, status: row.status, planStatus: plan.status };
  if (!canTarget(ctx.principal, 'report.read', r)) throw notFound('report');
  if (!canTarget(ctx.principal, 'report.edit', { ...r, status: undefined })) throw forbidden();
  if (!canTarget(ctx.principal, 'report.edit', r))
    throw new AppError('INVALID_STATE', `a ${row.status} report cannot be edited`);
  await checkValues(ctx.db, plan.id, values);
  return ctx.db.select().from(targetReportValues).where(eq(targetReportValues.reportId, id));
}

/** Replaces a checked report's values inside the caller's transaction; the event to audit with it. */
export async function writeReportValues(
  tx: Tx,
  id: string,
  values: Value[],
  before: unknown,
  via: string,
): Promise<AuditEntry> {
  await tx.delete(targetReportValues).where(eq(targetReportValues.reportId, id));
  if (values.length) await tx.insert(targetReportValues).values(values.map((v) => ({ ...v, reportId: id })));
  await tx.update(targetReports).set({ updatedAt: new Date() }).where(eq(targetReports.id, id));
  return { action: 'report.update', entityType: 'report', entityId: id, before, after: { via, values } };
}
