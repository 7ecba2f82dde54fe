import { asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import { forbidden } from '../../../errors.js';
import { maskPersonName } from '../../../privacy.js';
import { firmsByIds } from '../../business/api.js';
import { unitsByIds } from '../../units/api.js';
import { accountsByIds } from '../../users/api.js';
import { loadPlan, type PlanRow } from '../commands/plan-common.js';
import type { Plan, PlanBrief, PlanFigures, PlanQuery } from '../contracts-plans.js';
import { canInspect } from '../policy.js';
import {
  inspectionInspectors,
  inspectionItems,
  inspectionPlans,
  inspectionTasks,
  inspectionVisitSources,
  inspectionVisits,
} from '../schema.js';

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name, 'zh-CN');

async function figuresOf(db: Db, row: PlanRow): Promise<PlanFigures> {
  const [[visits], [planned], joint] = await Promise.all([
    db.select({ n: count() }).from(inspectionVisits).where(eq(inspectionVisits.planId, row.id)),
    db
      .select({ n: count() })
      .from(inspectionVisitSources)
      .innerJoin(inspectionVisits, eq(inspectionVisits.id, inspectionVisitSources.visitId))
      .where(eq(inspectionVisits.planId, row.id)),
    // A joint visit carries the inspections of two departments or more (a joint task's among them).
    db
      .select({ visitId: inspectionVisitSources.visitId })
      .from(inspectionVisitSources)
      .innerJoin(inspectionVisits, eq(inspectionVisits.id, inspectionVisitSources.visitId))
      .where(eq(inspectionVisits.planId, row.id))
      .groupBy(inspectionVisitSources.visitId)
      .having(sql`count(distinct ${inspectionVisitSources.unitId}) >= 2`),
  ]);
  const v = visits?.n ?? 0;
  return {
    planned: planned?.n ?? 0,
    unplanned: row.unplanned.length,
    visits: v,
    joint: joint.length,
    separateVisits: row.separateVisits,
    saving: row.separateVisits - v,
    lowerBound: row.lowerBound,
    overLowerBound: v - row.lowerBound,
  };
}

function brief(ctx: ServiceContext, row: PlanRow, figures: PlanFigures): PlanBrief {
  const writable = row.status === 'draft' && canInspect(ctx.principal, 'plan.write');
  return {
    id: row.id,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    status: row.status,
    maxHoursPerVisit: row.maxHoursPerVisit,
    inspectorsPerVisit: row.inspectorsPerVisit,
    capacityPerDay: row.capacityPerDay,
    publishedAt: row.publishedAt ? row.publishedAt.toISOString() : null,
    figures,
    allowed: writable ? ['move', 'publish', 'delete'] : [],
    isDemo: row.isDemo,
  };
}

/** A plan's visits by date, and the planned inspections they carry. */
async function visitsOf(db: Db, planId: string) {
  const visits = await db
    .select()
    .from(inspectionVisits)
    .where(eq(inspectionVisits.planId, planId))
    .orderBy(asc(inspectionVisits.date), asc(inspectionVisits.id));
  const sources = visits.length
    ? await db
        .select()
        .from(inspectionVisitSources)
        .where(
          inArray(
            inspectionVisitSources.visitId,
            visits.map((v) => v.id),
          ),
        )
    : [];
  return { visits, sources };
}

/** Tasks by id, with their names and periods. */
const tasksByIds = (db: Db, ids: readonly string[]) =>
  ids.length
    ? db
        .select({
          id: inspectionTasks.id,
          name: inspectionTasks.title,
          start: inspectionTasks.periodStart,
          end: inspectionTasks.periodEnd,
        })
        .from(inspectionTasks)
        .where(inArray(inspectionTasks.id, [...ids]))
    : Promise.resolve([]);

/** A plan with its visits by date, every record by name, and its figures. */
export async function getPlan(ctx: ServiceContext, id: string): Promise<Plan> {
  const row = await loadPlan(ctx, id);
  const db = ctx.db;
  const { visits, sources } = await visitsOf(db, id);
  const un = row.unplanned;
  const inspectorIds = [
    ...new Set([...visits.flatMap((v) => v.inspectorIds), ...un.flatMap((u) => u.inspectorIds ?? [])]),
  ];
  const itemIds = [...new Set(sources.flatMap((s) => s.itemIds))];
  const taskIds = [...new Set([...sources.map((s) => s.taskId), ...un.map((u) => u.taskId)])];
  const [inspectors, items, tasks, firms, units, figures] = await Promise.all([
    inspectorIds.length
      ? db.select().from(inspectionInspectors).where(inArray(inspectionInspectors.id, inspectorIds))
      : [],
    itemIds.length ? db.select().from(inspectionItems).where(inArray(inspectionItems.id, itemIds)) : [],
    tasksByIds(db, taskIds),
    firmsByIds(db, [...visits.map((v) => v.firmId), ...un.map((u) => u.firmId)]),
    unitsByIds(db, [...sources.map((s) => s.unitId), ...un.map((u) => u.unitId)]),
    figuresOf(db, row),
  ]);
  const accounts = await accountsByIds(
    db,
    inspectors.map((p) => p.userId),
  );
  const allUnits = new Map(units);
  const moreUnits = inspectors.map((p) => p.unitId).filter((u) => !allUnits.has(u));
  for (const [k, u] of await unitsByIds(db, moreUnits)) allUnits.set(k, u);
  const inspectorOf = new Map(inspectors.map((p) => [p.id, p]));
  const itemOf = new Map(items.map((i) => [i.id, i]));
  const taskOf = new Map(tasks.map((t) => [t.id, t]));
  const unitName = (id: string) => allUnits.get(id)?.name ?? '';
  const firm = (id: string) => ({ id, name: firms.get(id)?.name ?? '' });
  const personName = (pid: string) => {
    const p = inspectorOf.get(pid);
    return maskPersonName(p ? accounts.get(p.userId)?.displayName : '') ?? '';
  };
  const sourcesOf = new Map<string, typeof sources>();
  for (const s of sources) sourcesOf.set(s.visitId, [...(sourcesOf.get(s.visitId) ?? []), s]);
  return {
    ...brief(ctx, row, figures),
    visits: visits.map((v) => {
      const own = sourcesOf.get(v.id) ?? [];
      return {
        id: v.id,
        firm: firm(v.firmId),
        date: v.date,
        allowedPeriod: allowedPeriod(
          row,
          own.flatMap((s) => taskOf.get(s.taskId) ?? []),
        ),
        status: v.status,
        inspectors: v.inspectorIds.map((pid) => {
          const p = inspectorOf.get(pid);
          return {
            id: pid,
            name: personName(pid),
            unitId: p?.unitId ?? pid,
            unit: p ? unitName(p.unitId) : '',
          };
        }),
        departments: [...new Set(own.map((s) => s.unitId))]
          .map((u) => ({ id: u, name: unitName(u) }))
          .sort(byName),
        items: [...new Set(own.flatMap((s) => s.itemIds))].map((i) => ({
          id: i,
          name: itemOf.get(i)?.name ?? '',
          unit: unitName(itemOf.get(i)?.unitId ?? ''),
        })),
        tasks: [...new Set(own.map((s) => s.taskId))].map((t) => ({
          id: t,
          name: taskOf.get(t)?.name ?? '',
        })),
      };
    }),
    unplanned: un.map((u) => ({
      task: { id: u.taskId, name: taskOf.get(u.taskId)?.name ?? '' },
      firm: firm(u.firmId),
      unit: { id: u.unitId, name: unitName(u.unitId) },
      code: u.code,
      inspectors: (u.inspectorIds ?? []).map(personName),
    })),
  };
}

/**
 * The days a visit may take: those of the plan's period within every one of its tasks' periods
 * (the planner booked it there; a move keeps it there).
 */
export function allowedPeriod(
  plan: Pick<PlanRow, 'periodStart' | 'periodEnd'>,
  tasks: readonly { start: string; end: string }[],
): { start: string; end: string } {
  let start = plan.periodStart;
  let end = plan.periodEnd;
  for (const t of tasks) {
    if (t.start > start) start = t.start;
    if (t.end < end) end = t.end;
  }
  return { start, end };
}

/** The plans, newest period first, with their figures. */
export async function listPlans(
  ctx: ServiceContext,
  q: PlanQuery,
): Promise<{ items: PlanBrief[]; total: number }> {
  if (!canInspect(ctx.principal, 'plan.read')) throw forbidden();
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(inspectionPlans)
      .orderBy(desc(inspectionPlans.periodStart), desc(inspectionPlans.createdAt))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.select({ n: count() }).from(inspectionPlans),
  ]);
  const items: PlanBrief[] = [];
  for (const r of rows) items.push(brief(ctx, r, await figuresOf(ctx.db, r)));
  return { items, total: total?.n ?? 0 };
}
