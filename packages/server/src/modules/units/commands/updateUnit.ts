import { eq, like, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { AppError, forbidden } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import type { Unit, UpdateUnitInput } from '../contracts.js';
import { canUnit } from '../policy.js';
import { codeTaken, getUnit, unitView } from '../queries/units.js';
import { units } from '../schema.js';

/**
 * Renames, recodes or moves a unit; a move re-roots its whole subtree. Both the unit and its new
 * parent must lie in the admin's scope.
 */
const command = defineCommand({
  name: 'unit.update',
  async load(ctx, { id, changes }: { id: string; changes: UpdateUnitInput }) {
    const before = await getUnit(ctx.db, id);
    if (!canUnit(ctx.principal, 'unit.update', before)) throw forbidden();
    if (changes.code && (await codeTaken(ctx.db, changes.code, id))) {
      throw new AppError('CONFLICT', `unit code ${changes.code} exists`, [
        { path: 'code', message: 'taken', code: 'taken' },
      ]);
    }
    let newPath = before.path;
    if (changes.parentId !== undefined && changes.parentId !== before.parentId) {
      const parent = changes.parentId ? await getUnit(ctx.db, changes.parentId) : null;
      if (parent?.path.startsWith(before.path)) {
        throw new AppError('INVALID_STATE', 'a unit cannot move under itself', [
          { path: 'parentId', message: 'cycle', code: 'cycle' },
        ]);
      }
      if (!canUnit(ctx.principal, 'unit.update', parent ?? { path: '/' })) throw forbidden();
      newPath = `${parent?.path ?? '/'}${id}/`;
    }
    return { before, newPath };
  },
  async write(tx, _ctx, { before, newPath }, { id, changes }) {
    const [row] = await tx
      .update(units)
      .set({ ...changes, path: newPath, updatedAt: new Date() })
      .where(eq(units.id, id))
      .returning();
    if (newPath !== before.path) {
      // Re-root the whole subtree in one statement.
      await tx
        .update(units)
        .set({ path: sql`${newPath} || substr(${units.path}, ${before.path.length + 1})` })
        .where(like(units.path, `${before.path}%_`));
    }
    const after = unitView(row!);
    return { result: after, audit: { entityType: 'unit', entityId: id, before, after } };
  },
});

export const updateUnit = (ctx: ServiceContext, id: string, changes: UpdateUnitInput): Promise<Unit> =>
  command.run(ctx, { id, changes });
