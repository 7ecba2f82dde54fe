import { eq, inArray } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import { AppError, notFound } from '../../../errors.js';
import { type UnitBrief, unitsByIds } from '../../units/api.js';
import { canInspect } from '../policy.js';
import type { TaskSpec } from '../queries/draw-input.js';
import { inspectionItems, inspectionTaskItems, inspectionTasks, inspectionTaskUnits } from '../schema.js';
import { uniqueSorted } from './inspector-common.js';

export type TaskRow = typeof inspectionTasks.$inferSelect;

/** An announced task is public: it is announced once and stays. */
export const taskAnnounced = () =>
  new AppError('INVALID_STATE', 'the task was announced already', [
    { path: 'status', message: 'the task was announced already', code: 'task_announced' },
  ]);
export type ItemRow = typeof inspectionItems.$inferSelect;
export interface LoadedTask {
  row: TaskRow;
  units: UnitBrief[];
  items: ItemRow[];
}

/** A task with its departments and items; NOT_FOUND when absent or outside the reader's rights. */
export async function loadTask(ctx: ServiceContext, id: string): Promise<LoadedTask> {
  const [row] = await ctx.db.select().from(inspectionTasks).where(eq(inspectionTasks.id, id));
  if (!row || !canInspect(ctx.principal, 'task.read')) throw notFound('task');
  const [unitRows, itemRows] = await Promise.all([
    ctx.db.select().from(inspectionTaskUnits).where(eq(inspectionTaskUnits.taskId, id)),
    ctx.db
      .select({ item: inspectionItems })
      .from(inspectionTaskItems)
      .innerJoin(inspectionItems, eq(inspectionItems.id, inspectionTaskItems.itemId))
      .where(eq(inspectionTaskItems.taskId, id)),
  ]);
  const units = await unitsByIds(
    ctx.db,
    unitRows.map((u) => u.unitId),
  );
  return {
    row,
    units: [...units.values()].sort((a, b) => a.path.localeCompare(b.path)),
    items: itemRows.map((r) => r.item).sort((a, b) => a.code.localeCompare(b.code)),
  };
}

export async function itemsByIds(db: Db, ids: readonly string[]): Promise<Map<string, ItemRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select()
    .from(inspectionItems)
    .where(inArray(inspectionItems.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r]));
}

/** What the draw needs of a task: the qualifications are its items' and its own, once each. */
export function specOf(
  units: readonly UnitBrief[],
  items: readonly ItemRow[],
  task: Pick<TaskRow, 'sample' | 'inspectorsPerVisit' | 'qualifications'>,
): TaskSpec {
  return {
    units,
    qualifications: uniqueSorted([
      ...items.flatMap((i) => (i.qualification ? [i.qualification] : [])),
      ...task.qualifications,
    ]),
    sample: task.sample,
    inspectorsPerVisit: task.inspectorsPerVisit,
  };
}
