import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import { hasSqlState, SQL_STATE } from '../../../db/sql-state.js';
import { AppError, forbidden, notFound } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import type { Unit } from '../contracts.js';
import { canUnit } from '../policy.js';
import { getUnit } from '../queries/units.js';
import { units } from '../schema.js';
import { holdUnitTree, lockUnit } from './tree-lock.js';

/** Refuses a unit outside the admin's scope or with units below it. */
async function checkDeletable(ctx: ServiceContext, db: Db, unit: Unit) {
  if (!canUnit(ctx.principal, 'unit.delete', unit)) throw forbidden();
  const [child] = await db.select({ id: units.id }).from(units).where(eq(units.parentId, unit.id)).limit(1);
  if (child)
    throw new AppError('INVALID_STATE', 'the unit has sub-units; move or delete them first', [
      { path: 'id', message: 'has sub-units', code: 'has_sub_units', params: { value: unit.name } },
    ]);
}

/** Deletes a leaf unit that nothing references any more. */
const command = defineCommand({
  name: 'unit.delete',
  async load(ctx, id: string) {
    await checkDeletable(ctx, ctx.db, await getUnit(ctx.db, id));
  },
  async write(tx, ctx, _loaded, id) {
    // A sub-unit added or moved here since the first check is seen once the tree is held.
    await holdUnitTree(tx);
    const before = await lockUnit(tx, id, 'update');
    if (!before) throw notFound('unit');
    await checkDeletable(ctx, tx, before);
    try {
      await tx.delete(units).where(eq(units.id, id));
    } catch (error) {
      // A foreign key of any module (an account's role, a firm, a plan, …) still names the unit.
      // Any other failure (a lost connection, say) is not the caller's to fix: it stays a 500.
      if (!hasSqlState(error, SQL_STATE.foreignKeyViolation)) throw error;
      throw new AppError(
        'INVALID_STATE',
        'the unit is still referenced (roles or records); it cannot be deleted',
        [{ path: 'id', message: 'still referenced', code: 'unit_in_use', params: { value: before.name } }],
      );
    }
    return { result: undefined, audit: { entityType: 'unit', entityId: id, before } };
  },
});

export const deleteUnit = (ctx: ServiceContext, id: string): Promise<void> => command.run(ctx, id);
