import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { notFound } from '../../../errors.js';
import { maskNumbersInText } from '../../../privacy.js';
import type {
  PublicReformProject,
  PublicReformProjectItem,
  PublicReformSummary,
} from '../contracts-public.js';
import { reformReports } from '../schema.js';
import { projectSuggestions } from './adoption.js';
import { type LedgerProject, loadLedger } from './ledger.js';
import { milestonesOf } from './lookup.js';

/** The lists with 100 × their progress, the number of projects and of pilots under way and applying. */
export async function publicSummary(db: Db): Promise<PublicReformSummary> {
  const ledger = await loadLedger(db);
  const pilots = (status: string) => ledger.projects.filter((p) => p.row.pilotStatus === status).length;
  return {
    lists: ledger.lists.map((l) => ({
      id: l.row.id,
      name: l.row.name,
      projects: l.projects,
      percentDone: 100 * l.progress,
    })),
    projects: ledger.projects.length,
    pilots: { underway: pilots('underway'), applying: pilots('applying') },
  };
}

const item = (p: LedgerProject): PublicReformProjectItem => ({
  id: p.row.id,
  code: p.row.code,
  name: p.row.name,
  listId: p.row.listId,
  leadUnit: p.lead.name,
  progress: p.progress,
  status: p.summary.status,
});

/** One page of the projects, of one list or all, in list order and then by code. */
export async function publicProjects(
  db: Db,
  q: { list?: string | undefined; page: number; pageSize: number },
): Promise<{ items: PublicReformProjectItem[]; total: number }> {
  const ledger = await loadLedger(db);
  const all = ledger.projects.filter((p) => !q.list || p.row.listId === q.list);
  const from = (q.page - 1) * q.pageSize;
  return { items: all.slice(from, from + q.pageSize).map(item), total: all.length };
}

export async function publicProject(db: Db, id: string): Promise<PublicReformProject> {
  const ledger = await loadLedger(db);
  const p = ledger.projects.find((x) => x.row.id === id);
  if (!p) throw notFound('project');
  return {
    ...item(p),
    listName: p.list.name,
    source: p.row.source,
    coUnits: p.coUnitIds.flatMap((u) => ledger.units.get(u)?.name ?? []),
    startDate: p.row.startDate,
    endDate: p.row.endDate,
    // The lead unit's words, as its reports' summaries are: a contact's number typed into them
    // is masked before it reaches the public.
    goal: maskNumbersInText(p.row.goal),
    pilotLevel: p.row.pilotLevel,
    pilotStatus: p.row.pilotStatus,
    milestones: (await milestonesOf(db, [p.row.id])).map((m) => ({
      name: maskNumbersInText(m.name),
      weight: m.weight,
      dueDate: m.dueDate,
      done: m.done,
      overdue: m.dueDate < ledger.today && m.done < 1,
    })),
    suggestions: await projectSuggestions(db, p.row.id),
    reports: await approvedReports(db, p.row.id),
  };
}

/**
 * The summaries of a project's approved reports (the office has read them), numbers masked as
 * everywhere text reaches the public; the problems a unit reports stay with the office.
 */
async function approvedReports(db: Db, projectId: string) {
  const rows = await db
    .select({ period: reformReports.period, summary: reformReports.summary })
    .from(reformReports)
    .where(and(eq(reformReports.projectId, projectId), eq(reformReports.status, 'approved')))
    .orderBy(desc(reformReports.period))
    .limit(24);
  return rows.map((r) => ({ period: r.period, summary: maskNumbersInText(r.summary) }));
}
