import type { StageDates } from '@qianxing/core/business';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import { forbidden, notFound } from '../../../errors.js';
import { unitsByIds } from '../../units/api.js';
import { canProject, mayEverProject, type ProjectAction, type ProjectResource } from '../policy-projects.js';
import { businessProjectFunds, businessProjectStages, businessProjects } from '../schema.js';

export type ProjectRow = typeof businessProjects.$inferSelect;
export type StageRow = typeof businessProjectStages.$inferSelect;

/** The stage dates that count: signing, and for each later stage its latest entry. */
export function stageDatesOf(row: Pick<ProjectRow, 'signedOn'>, entries: readonly StageRow[]): StageDates {
  const dates: StageDates = { signed: row.signedOn };
  // Entries come oldest first: a correction, being newer, overwrites.
  for (const e of entries) dates[e.stage as Exclude<keyof StageDates, 'signed'>] = e.reachedOn;
  return dates;
}

/** Every stage entry of these projects, oldest first, by project. */
export async function stageEntries(db: Db, ids: readonly string[]): Promise<Map<string, StageRow[]>> {
  const map = new Map<string, StageRow[]>();
  if (ids.length === 0) return map;
  const rows = await db
    .select()
    .from(businessProjectStages)
    .where(inArray(businessProjectStages.projectId, [...ids]))
    .orderBy(asc(businessProjectStages.createdAt), asc(businessProjectStages.id));
  for (const r of rows) map.set(r.projectId, [...(map.get(r.projectId) ?? []), r]);
  return map;
}

/** The funds in place so far of these projects (万元), by project. */
export async function fundsTotals(db: Db, ids: readonly string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      projectId: businessProjectFunds.projectId,
      total: sql<string>`sum(${businessProjectFunds.amount})`,
    })
    .from(businessProjectFunds)
    .where(inArray(businessProjectFunds.projectId, [...ids]))
    .groupBy(businessProjectFunds.projectId);
  return new Map(rows.map((r) => [r.projectId, Number(r.total)]));
}

/** The policy's view of a project: its lead unit's place, and whether the actor serves it. */
export async function projectResource(ctx: ServiceContext, row: ProjectRow): Promise<ProjectResource> {
  const unit = (await unitsByIds(ctx.db, [row.leadUnitId])).get(row.leadUnitId);
  return { unitPath: unit?.path ?? '', commissioner: row.commissionerId === ctx.principal?.userId };
}

/**
 * A project the actor may read, and may take `action` on: one they may not read is NOT_FOUND,
 * one they may read but not act on FORBIDDEN; a role that may take `action` on no project at all
 * is refused before any lookup.
 */
export async function loadProject(ctx: ServiceContext, id: string, action: ProjectAction) {
  if (!mayEverProject(ctx.principal, action)) throw forbidden();
  const [row] = await ctx.db.select().from(businessProjects).where(eq(businessProjects.id, id));
  if (!row) throw notFound('project');
  const resource = await projectResource(ctx, row);
  if (!canProject(ctx.principal, 'project.read', resource)) throw notFound('project');
  if (!canProject(ctx.principal, action, resource)) throw forbidden();
  return { row, resource };
}
