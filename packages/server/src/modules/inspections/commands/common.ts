import { and, eq, ne } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import { AppError, forbidden } from '../../../errors.js';
import { type UnitBrief, unitsByIds } from '../../units/api.js';
import { canInspect, type InspectionAction, mayEverInspect } from '../policy.js';
import { inspectionItems } from '../schema.js';

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
