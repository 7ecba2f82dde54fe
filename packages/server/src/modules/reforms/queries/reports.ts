import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import { forbidden, notFound } from '../../../errors.js';
import { listAttachments } from '../../../kernel/attachments.js';
import { workdaysLeft } from '../../../kernel/deadlines.js';
import type { ReformReport, ReformReportList, ReformReportQuery, ReformReportSummary } from '../contracts.js';
import { canReform, mayEverReform, reportScope } from '../policy.js';
import { reformReportItems, reformReportRemovedItems, reformReports } from '../schema.js';
import { completedBefore, completionDays } from './completed-months.js';
import { lastDuePeriod, monthEnd, previousMonth, reportDeadline } from './deadline.js';
import { type LedgerProject, loadLedger } from './ledger.js';
import {
  evidenceOwner,
  iso,
  type LoadedProject,
  loadProject,
  milestonesOf,
  type ProjectRow,
} from './lookup.js';
import { monthKey, reportedMonths } from './reported-months.js';

export type ReportRow = typeof reformReports.$inferSelect;

export const reportSummaryOf = (
  r: ReportRow,
  project: ProjectRow,
  leadUnitName: string,
): ReformReportSummary => ({
  id: r.id,
  projectId: r.projectId,
  projectCode: project.code,
  projectName: project.name,
  leadUnitName,
  period: r.period,
  status: r.status,
  deadline: r.deadline,
  late: r.late,
  returnReason: r.returnReason,
  submittedAt: iso(r.submittedAt),
  reviewedAt: iso(r.reviewedAt),
  isDemo: r.isDemo,
});

/** The report with its project; not found when missing. */
export async function loadReport(db: Db, id: string): Promise<{ row: ReportRow; project: LoadedProject }> {
  const [row] = await db.select().from(reformReports).where(eq(reformReports.id, id));
  if (!row) throw notFound('report');
  return { row, project: await loadProject(db, row.projectId) };
}

/** The report when the caller may read it; out of scope looks the same as missing. */
export async function readableReport(ctx: ServiceContext, id: string) {
  const loaded = await loadReport(ctx.db, id);
  const resource = { ...loaded.project.resource, status: loaded.row.status };
  if (!canReform(ctx.principal, 'report.read', resource)) throw notFound('report');
  return { ...loaded, resource };
}

/**
 * The reports the caller may read (the office's review queue is `status=submitted`), and the
 * months whose report is late: the month asked for, or every one since each project's start
 * whose deadline has passed.
 */
export async function listReports(ctx: ServiceContext, q: ReformReportQuery): Promise<ReformReportList> {
  if (!canReform(ctx.principal, 'ledger.read')) throw forbidden();
  const scope = reportScope(ctx.principal);
  const ledger = await loadLedger(ctx.db);
  const visible = ledger.projects.filter(
    (p) =>
      scope === 'all' ||
      canReform(ctx.principal, 'report.read', {
        unitPath: p.lead.path,
        coUnitPaths: p.coUnitIds.flatMap((u) => ledger.units.get(u)?.path ?? []),
      }),
  );
  const actions = { review: mayEverReform(ctx.principal, 'report.review') };
  if (visible.length === 0) return { items: [], late: [], actions };
  const byId = new Map(visible.map((p) => [p.row.id, p]));
  const conditions: SQL[] = [inArray(reformReports.projectId, [...byId.keys()])];
  if (q.status) conditions.push(eq(reformReports.status, q.status));
  if (q.project) conditions.push(eq(reformReports.projectId, q.project));
  if (q.period) conditions.push(eq(reformReports.period, q.period));
  const rows = await ctx.db
    .select()
    .from(reformReports)
    .where(and(...conditions))
    .orderBy(desc(reformReports.period), desc(reformReports.submittedAt));
  const items = rows.map((r) => {
    const p = byId.get(r.projectId)!;
    return reportSummaryOf(r, p.row, p.lead.name);
  });
  const late = await lateMonths(ctx.db, ledger.today, q, visible);
  return { items, late, actions };
}

/**
 * Every month whose report deadline has passed (the month asked for, or each since the project's
 * start) in which a project ran, before it was completed, with no report in for it (submitted or
 * approved; a returned one is owed again): newest first. A completed project owes no month after the one it was completed in.
 */
async function lateMonths(db: Db, today: string, q: ReformReportQuery, visible: LedgerProject[]) {
  const projects = visible.filter((p) => !q.project || p.row.id === q.project);
  if (!projects.length) return [];
  const ids = projects.map((p) => p.row.id);
  // A month whose report was returned is owed again, as the reminders count it (reported-months.ts).
  const done = await reportedMonths(db, ids, q.period);
  const completedOn = await completionDays(
    db,
    projects.filter((p) => p.summary.status === 'completed').map((p) => p.row.id),
  );
  const latest = lastDuePeriod(today);
  const owed = (p: LedgerProject, period: string) =>
    !done.has(monthKey(p.row.id, period)) &&
    today > reportDeadline(period) &&
    p.row.startDate <= monthEnd(period) &&
    p.row.endDate >= `${period}-01` &&
    !completedBefore(completedOn.get(p.row.id), period);
  const rows = projects.flatMap((p) => {
    const months: string[] = [];
    if (q.period) months.push(q.period);
    else for (let m = latest; m >= p.row.startDate.slice(0, 7); m = previousMonth(m)) months.push(m);
    return months
      .filter((period) => owed(p, period))
      .map((period) => {
        const deadline = reportDeadline(period);
        return {
          projectId: p.row.id,
          projectCode: p.row.code,
          projectName: p.row.name,
          leadUnitName: p.lead.name,
          period,
          deadline,
          workdaysLate: -workdaysLeft(today, deadline),
        };
      });
  });
  return rows.sort((a, b) => b.period.localeCompare(a.period));
}

export async function getReport(ctx: ServiceContext, id: string): Promise<ReformReport> {
  const { row, project, resource } = await readableReport(ctx, id);
  const milestones = await milestonesOf(ctx.db, [project.row.id]);
  const given = new Map(
    (await ctx.db.select().from(reformReportItems).where(eq(reformReportItems.reportId, id))).map((i) => [
      i.milestoneId,
      i,
    ]),
  );
  const removed = await ctx.db
    .select()
    .from(reformReportRemovedItems)
    .where(eq(reformReportRemovedItems.reportId, id))
    .orderBy(asc(reformReportRemovedItems.removedAt), asc(reformReportRemovedItems.dueDate));
  const may = (a: 'report.edit' | 'report.submit' | 'report.review') => canReform(ctx.principal, a, resource);
  return {
    ...reportSummaryOf(row, project.row, project.lead.name),
    summary: row.summary,
    problems: row.problems,
    items: milestones.flatMap((m) => {
      const i = given.get(m.id);
      if (!i) return [];
      return [
        {
          milestoneId: m.id,
          milestoneName: m.name,
          weight: m.weight,
          dueDate: m.dueDate,
          doneBefore: m.done,
          done: i.done,
          note: i.note,
        },
      ];
    }),
    removedItems: removed.map((i) => ({
      milestoneId: i.milestoneId,
      milestoneName: i.milestoneName,
      weight: i.weight,
      dueDate: i.dueDate,
      done: i.done,
      note: i.note,
      removedAt: i.removedAt.toISOString(),
    })),
    evidence: await listAttachments(ctx.db, evidenceOwner(id)),
    actions: { edit: may('report.edit'), submit: may('report.submit'), review: may('report.review') },
  };
}
