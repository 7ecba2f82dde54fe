import type { z } from '@hono/zod-openapi';
import { projectProgress } from '@qianxing/core/reforms';
import { desc, eq } from 'drizzle-orm';
import { hasRoleOver } from '../../../auth/principal.js';
import type { ServiceContext } from '../../../context.js';
import { forbidden, notFound } from '../../../errors.js';
import { todayInChina, workdaysLeft } from '../../../kernel/deadlines.js';
import type {
  ReformLedgerFilters,
  ReformProject,
  ReformProjectPage,
  ReformProjectQuery,
} from '../contracts.js';
import { canReform, mayEverReform, type ReformResource } from '../policy.js';
import { reformLists, reformReports } from '../schema.js';
import { linkedSuggestions } from './adoption.js';
import { correctionsOf } from './corrections.js';
import { type LedgerProject, loadLedger, summaryOf } from './ledger.js';
import { iso, loadProject, milestonesOf } from './lookup.js';
import { reportSummaryOf } from './reports.js';

export const readLedger = (ctx: ServiceContext) => {
  if (!canReform(ctx.principal, 'ledger.read')) throw forbidden();
};

/** The ledger as the console filters it; progress and status are today's. */
export async function listProjects(
  ctx: ServiceContext,
  q: ReformProjectQuery,
): Promise<z.infer<typeof ReformProjectPage>> {
  readLedger(ctx);
  const ledger = await loadLedger(ctx.db);
  const items = ledger.projects.filter(ledgerFilter(ctx, q)).map((p) => p.summary);
  const from = (q.page - 1) * q.pageSize;
  const actions = {
    create: mayEverReform(ctx.principal, 'project.create'),
    import: canReform(ctx.principal, 'project.import'),
  };
  return { total: items.length, items: items.slice(from, from + q.pageSize), actions };
}

/** The ledger's filters as one test of a project, for the list and its export alike. */
export function ledgerFilter(ctx: ServiceContext, q: ReformLedgerFilters) {
  const needle = q.q?.toLowerCase();
  return (p: LedgerProject) =>
    (!q.list || p.row.listId === q.list) &&
    (!q.leadUnit || p.row.leadUnitId === q.leadUnit) &&
    (!q.source || p.row.source === q.source) &&
    (!q.pilot || p.row.pilotStatus === q.pilot) &&
    (!q.status || p.summary.status === q.status) &&
    (q.mine !== 'true' || hasRoleOver(ctx.principal, 'department_staff', p.lead.path)) &&
    (!needle || p.row.name.toLowerCase().includes(needle) || p.row.code.toLowerCase().includes(needle));
}

/** One project with its milestones (each with its working days left), reports and the caller's actions. */
export async function getProject(ctx: ServiceContext, id: string): Promise<ReformProject> {
  readLedger(ctx);
  const p = await loadProject(ctx.db, id);
  const [list] = await ctx.db.select().from(reformLists).where(eq(reformLists.id, p.row.listId));
  const milestones = await milestonesOf(ctx.db, [id]);
  const today = todayInChina();
  const reports = canReform(ctx.principal, 'report.read', p.resource)
    ? await ctx.db
        .select()
        .from(reformReports)
        .where(eq(reformReports.projectId, id))
        .orderBy(desc(reformReports.period))
    : [];
  const summary = summaryOf(p.row, list!, p.lead, milestones, projectProgress(milestones), today);
  const fromSuggestions = await linkedSuggestions(ctx.db, id);
  return {
    ...summary,
    goal: p.row.goal,
    coUnits: p.coUnits.map((u) => ({ id: u.id, name: u.name })),
    milestoneList: milestones.map((m) => ({
      id: m.id,
      name: m.name,
      weight: m.weight,
      dueDate: m.dueDate,
      done: m.done,
      doneAt: iso(m.doneAt),
      overdue: m.dueDate < today && m.done < 1,
      workdaysLeft: workdaysLeft(today, m.dueDate),
    })),
    reports: reports.map((r) => reportSummaryOf(r, p.row, p.lead.name)),
    corrections: await correctionsOf(ctx.db, id),
    fromSuggestions,
    actions: {
      edit: canReform(ctx.principal, 'project.edit', p.resource),
      assign: canReform(ctx.principal, 'project.assign', p.resource),
      report: canReform(ctx.principal, 'report.edit', p.resource),
      correct: canReform(ctx.principal, 'progress.correct', p.resource),
      delete: mayDelete(ctx, p.resource, fromSuggestions.length > 0),
    },
  };
}

/**
 * Whether the caller may delete a project: the office over its lead unit, and for one taken up from
 * citizens' suggestions the campaign's office alone (reports or cases still refuse it).
 */
export const mayDelete = (ctx: ServiceContext, r: ReformResource, adopted: boolean): boolean =>
  canReform(ctx.principal, 'project.assign', r) &&
  (!adopted || canReform(ctx.principal, 'project.deleteAdopted', r));

/** The project when the caller may read the ledger, else not found. */
export async function projectForReading(ctx: ServiceContext, id: string) {
  readLedger(ctx);
  return loadProject(ctx.db, id).catch(() => {
    throw notFound('project');
  });
}
