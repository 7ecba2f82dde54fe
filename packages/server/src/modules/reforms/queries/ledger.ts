import { overdueMilestones, projectStatus, rollUp } from '@qianxing/core/reforms';
import { asc, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { todayInChina } from '../../../kernel/deadlines.js';
import { type UnitBrief, unitBriefs } from '../../units/api.js';
import type { ReformProjectSummary } from '../contracts.js';
import { reformLists, reformMilestones, reformProjects, reformProjectUnits } from '../schema.js';
import type { ListRow, ProjectRow } from './lookup.js';

/** What the roll-up and the status need of a milestone. */
export interface LedgerMilestone {
  weight: number;
  done: number;
  dueDate: string;
}

/** One project of the ledger with everything computed of it today. */
export interface LedgerProject {
  row: ProjectRow;
  list: ListRow;
  lead: UnitBrief;
  coUnitIds: string[];
  milestones: LedgerMilestone[];
  progress: number;
  summary: ReformProjectSummary;
}

export interface Ledger {
  lists: Array<{ row: ListRow; projects: number; progress: number }>;
  /** In list order, then by code. */
  projects: LedgerProject[];
  units: Map<string, UnitBrief>;
  today: string;
}

/**
 * The whole ledger with every project's and list's progress, recomputed from the milestones on
 * each read (`@qianxing/core/reforms`): a few thousand milestone rows and one pass over them, so
 * nothing is cached that could drift from the milestones.
 */
export async function loadLedger(db: Db, today = todayInChina()): Promise<Ledger> {
  const [lists, projects, milestones, links, briefs] = await Promise.all([
    db.select().from(reformLists).orderBy(asc(reformLists.sort), asc(reformLists.name)),
    db.select().from(reformProjects).orderBy(asc(reformProjects.code)),
    milestoneColumns(db),
    db.select().from(reformProjectUnits),
    unitBriefs(db),
  ]);
  const units = new Map(briefs.map((u) => [u.id, u]));
  const byProject = new Map(
    milestones.map((m) => [
      m.projectId,
      m.weights.map((weight, i) => ({ weight, done: m.done[i]!, dueDate: m.due[i]! })),
    ]),
  );
  const rolled = rollUp({
    listIds: lists.map((l) => l.id),
    projects,
    milestones: [...byProject].flatMap(([projectId, ms]) => ms.map((m) => ({ projectId, ...m }))),
  });
  const coUnits = groupBy(links, (l) => l.projectId);
  const listOrder = new Map(lists.map((l, i) => [l.id, i]));
  const listById = new Map(lists.map((l) => [l.id, l]));
  const ordered = [...projects].sort(
    (a, b) => listOrder.get(a.listId)! - listOrder.get(b.listId)! || a.code.localeCompare(b.code),
  );
  return {
    lists: lists.map((row) => ({ row, ...rolled.lists.get(row.id)! })),
    projects: ordered.map((row) => {
      const ms = byProject.get(row.id) ?? [];
      const list = listById.get(row.listId)!;
      const lead = units.get(row.leadUnitId)!;
      const progress = rolled.projects.get(row.id)!;
      return {
        row,
        list,
        lead,
        coUnitIds: (coUnits.get(row.id) ?? []).map((l) => l.unitId),
        milestones: ms,
        progress,
        summary: summaryOf(row, list, lead, ms, progress, today),
      };
    }),
    units,
    today,
  };
}

/**
 * Every project's milestones as three arrays in the projects' milestone order: one row per project
 * instead of one per milestone, because reading 2,900 rows one by one costs PGlite about 25 ms and
 * these 145 rows about 10.
 */
function milestoneColumns(db: Db) {
  const order = sql`order by ${reformMilestones.sort}, ${reformMilestones.dueDate}`;
  return db
    .select({
      projectId: reformMilestones.projectId,
      weights: sql<number[]>`array_agg(${reformMilestones.weight} ${order})`,
      done: sql<number[]>`array_agg(${reformMilestones.done} ${order})`,
      due: sql<string[]>`array_agg(${reformMilestones.dueDate}::text ${order})`,
    })
    .from(reformMilestones)
    .groupBy(reformMilestones.projectId);
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

export function summaryOf(
  row: ProjectRow,
  list: ListRow,
  lead: UnitBrief,
  milestones: readonly LedgerMilestone[],
  progress: number,
  today: string,
): ReformProjectSummary {
  const dated = { start: row.startDate, end: row.endDate, milestones };
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    listId: row.listId,
    listName: list.name,
    source: row.source,
    leadUnitId: row.leadUnitId,
    leadUnitName: lead.name,
    startDate: row.startDate,
    endDate: row.endDate,
    pilotLevel: row.pilotLevel,
    pilotStatus: row.pilotStatus,
    milestones: milestones.length,
    milestonesDone: milestones.filter((m) => m.done === 1).length,
    progress,
    status: projectStatus(dated, today),
    overdueMilestones: overdueMilestones(milestones, today).length,
    isDemo: row.isDemo,
  };
}
