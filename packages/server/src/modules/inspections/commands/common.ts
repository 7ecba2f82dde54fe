import { and, eq, inArray, ne } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import { AppError, forbidden } from '../../../errors.js';
import { type UnitBrief, unitsByIds } from '../../units/api.js';
import { canInspect, type InspectionAction, mayEverInspect } from '../policy.js';
import { inspectionItems, inspectionTaskItems } from '../schema.js';

const invalid = (path: string, code: string, message: string, params?: Record<string, string | number>) =>
  new AppError('VALIDATION', message, [{ path, message, code, ...(params ? { params } : {}) }]);

export { invalid };

/** Departments by id, each checked to exist and to be a department; refused in a body otherwise. */
export async function departmentsOf(db: Db, ids: readonly string[], path = 'unitId'): Promise<UnitBrief[]> {
  const found = await unitsByIds(db, ids);
  return ids.map((id, i) => {
    const unit = found.get(id);
    const at = ids.length > 1 || path.endsWith('s') ? `${path}.${i}` : path;
    if (!unit) throw invalid(at, 'unknown_unit', `no unit ${id}`);
    if (unit.kind !== 'department') throw invalid(at, 'not_a_department', `${unit.name} is not a department`);
    return unit;
  });
}

/** Refuses unless the principal may take `action` on records of every one of these units. */
export function authorise(ctx: ServiceContext, action: InspectionAction, units: readonly UnitBrief[]): void {
  if (!canInspect(ctx.principal, action, { unitPaths: units.map((u) => u.path) })) throw forbidden();
}

/** An early refusal for a role that may take `action` nowhere (before any lookup). */
export function mayAtAll(ctx: ServiceContext, action: InspectionAction): void {
  if (!mayEverInspect(ctx.principal, action)) throw forbidden();
}

/** Two items never share a code: the spreadsheets name an item by it. */
export async function checkItemCode(db: Db, code: string, exceptId?: string): Promise<void> {
  const [taken] = await db
    .select({ id: inspectionItems.id })
    .from(inspectionItems)
    .where(and(eq(inspectionItems.code, code), exceptId ? ne(inspectionItems.id, exceptId) : undefined));
  if (taken)
    throw new AppError('CONFLICT', 'an item has this code', [
      { path: 'code', message: 'taken', code: 'taken' },
    ]);
}

/** Whether a task names the item: its department's share of the task's visits carries it. */
export async function itemInTask(db: Db, itemId: string): Promise<boolean> {
  const [used] = await db
    .select({ taskId: inspectionTaskItems.taskId })
    .from(inspectionTaskItems)
    .where(eq(inspectionTaskItems.itemId, itemId))
    .limit(1);
  return !!used;
}

/**
 * Refuses to move an item a task names to another department: the task's planned inspections
 * bring each department's own items, and its findings count for the item's department, so the
 * item would drop out of the visits still to plan and its issues follow it to the other
 * department's figures and follow-up.
 */
export async function keepItemDepartment(db: Db, item: { id: string; name: string }, path = 'unitId') {
  if (await itemInTask(db, item.id))
    throw new AppError('CONFLICT', 'a task checks this item: it stays with its department', [
      { path, message: 'checked by a task', code: 'item_in_task', params: { value: item.name } },
    ]);
}

/**
 * In a write's transaction: locks the items, so none is removed or moved meanwhile (`share`, a
 * task naming them), or none is named by a task meanwhile (`update`, an item removed or moved),
 * and answers them as they are now.
 */
export async function holdItems(tx: Db, ids: readonly string[], mode: 'share' | 'update' = 'share') {
  if (ids.length === 0) return [];
  return tx
    .select()
    .from(inspectionItems)
    .where(inArray(inspectionItems.id, [...ids]))
    .for(mode);
}
