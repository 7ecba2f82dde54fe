import { and, asc, eq, inArray, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import { notFound } from '../../../errors.js';
import { writeSheet } from '../../../excel/workbook.js';
import type { FileNames } from '../../../http/upload.js';
import { listAttachments } from '../../../kernel/attachments.js';
import { todayInChina } from '../../../kernel/deadlines.js';
import { headedIn } from '../../../kernel/excel-import.js';
import type { Unit } from '../../units/api.js';
import type { Report, ReportSummary } from '../contracts/reports.js';
import { reportColumns } from '../excel.js';
import { canTarget, scopePaths } from '../policy.js';
import { targetPlans, targetReports, targetReportValues } from '../schema.js';
import { deadlineProvisional, getSettings, reportDeadline } from './deadline.js';
import { byUnitTree, iso, quarterWords, splitQuarter, unitMap } from './lookup.js';
import { loadPlan, planItems } from './plans.js';

type ReportRow = typeof targetReports.$inferSelect;

/**
 * How many of a report's values are of indicators its plan lists: a value of one the revised plan
 * dropped is no part of the report (not shown, not counted towards submitting it, not scored).
 */
export const plannedValueCount = (reportId: SQLWrapper | string, planId: SQLWrapper | string) =>
  sql<number>`(select count(*)::int from target_report_values v join target_plan_items i on i.indicator_id = v.indicator_id and i.plan_id = ${planId} where v.report_id = ${reportId})`;

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
      n: plannedValueCount(targetReports.id, targetReports.planId),
    })
    .from(targetReports)
    .where(and(...conditions))
    .orderBy(asc(targetReports.period));
  // By quarter, then the unit's place in the tree and its name, as the plans are listed.
  const byUnit = byUnitTree(units);
  const items = rows
    .map(({ r, n }) => summary(r, units.get(r.unitId), n))
    .sort((a, b) => a.period.localeCompare(b.period) || byUnit(a.unitId, b.unitId));
  const overdue: Array<{ planId: string; unitId: string; unitName: string; deadline: string }> = [];
  if (f.period) {
    const deadline = reportDeadline(f.period, (await getSettings(ctx.db)).reportDeadlineWorkdays);
    if (todayInChina() > deadline) {
      // A report counts once submitted and until returned, whatever status the list is filtered
      // to: a unit whose report the office returned owes it again and is listed until it does.
      const counted = await ctx.db
        .select({ planId: targetReports.planId })
        .from(targetReports)
        .where(
          and(eq(targetReports.period, f.period), inArray(targetReports.status, ['submitted', 'approved'])),
        );
      const reported = new Set(counted.map((r) => r.planId));
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
  return { items, overdue: overdue.sort((a, b) => byUnit(a.unitId, b.unitId)) };
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
  const shown = items.flatMap(({ item, code, name }) => {
    const v = values.get(item.indicatorId);
    if (!v) return [];
    const target = [item.targetQ1, item.targetQ2, item.targetQ3, item.targetQ4][q - 1] ?? null;
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
  });
  return {
    ...summary(row, unit, shown.length),
    deadlineProvisional: deadlineProvisional(row.period, row.deadline),
    updatedAt: row.updatedAt.toISOString(),
    values: shown,
    evidence,
    actions: {
      edit: canTarget(ctx.principal, 'report.edit', r),
      submit: canTarget(ctx.principal, 'report.submit', r) && shown.length > 0,
      review: canTarget(ctx.principal, 'report.review', r),
    },
  };
}

/** Characters a file name may not hold on the readers' systems. */
const notInFileNames = /[\\/:*?"<>|]/g;

/**
 * The report form as a workbook: one row per planned indicator with the quarter's target, its
 * sheet named by the quarter in words (the import reads the first sheet, whatever its name), and
 * the names its file is offered under: the unit's and the quarter's, so forms do not overwrite
 * one another in a download folder.
 */
export async function reportWorkbook(
  ctx: ServiceContext,
  id: string,
): Promise<{ bytes: Buffer; names: FileNames }> {
  const { row, plan, unit } = await loadReport(ctx.db, id);
  if (!canTarget(ctx.principal, 'report.read', { unitPath: unit.path })) throw notFound('report');
  const q = splitQuarter(row.period).quarter;
  const report = await getReport(ctx, id);
  const values = new Map(report.values.map((v) => [v.indicatorId, v]));
  const items = await planItems(ctx.db, plan.id);
  const unitName = unit.name.replace(notInFileNames, '');
  const names: FileNames = {
    'zh-CN': `指标填报-${unitName}-${quarterWords(row.period, 'zh-CN')}.xlsx`,
    en: `Report-${unitName}-${quarterWords(row.period, 'en')}.xlsx`,
  };
  const locale = ctx.locale ?? 'zh-CN';
  const bytes = await writeSheet(
    quarterWords(row.period, locale),
    headedIn(reportColumns, locale),
    items.map(({ item, code, name }) => ({
      indicatorCode: code,
      indicatorName: name,
      target: [item.targetQ1, item.targetQ2, item.targetQ3, item.targetQ4][q - 1],
      value: values.get(item.indicatorId)?.value,
      note: values.get(item.indicatorId)?.note,
      period: row.period,
      report: row.id,
    })),
  );
  return { bytes, names };
}
