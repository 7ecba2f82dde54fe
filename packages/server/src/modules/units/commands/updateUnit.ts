import { eq, like, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { AppError, forbidden, notFound } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import type { Unit, UpdateUnitInput } from '../contracts.js';
import { canUnit } from '../policy.js';
import { codeTaken, getUnit, unitView } from '../queries/units.js';
import { units } from '../schema.js';
import { holdUnitTree, lockUnit, unknownParent } from './tree-lock.js';

type Input = { id: string; changes: UpdateUnitInput };

/**
 * The unit's path once the change is made, refusing a parent that is unknown, inside the unit
 * itself or outside the admin's scope. `findParent` reads the parent the way the caller must:
 * plainly for the early answer, locked inside the write.
 */
async function pathAfter(
  ctx: ServiceContext,
  before: Unit,
  { id, changes }: Input,
  findParent: (id: string) => Promise<Unit | undefined>,
): Promise<string> {
  if (!canUnit(ctx.principal, 'unit.update', before)) throw forbidden();
  if (changes.parentId === undefined || changes.parentId === before.parentId) return before.path;
  const parent = changes.parentId ? await findParent(changes.parentId) : null;
  if (parent === undefined) throw unknownParent();
  if (parent?.path.startsWith(before.path)) {
    throw new AppError('INVALID_STATE', 'a unit cannot move under itself', [
      { path: 'parentId', message: 'cycle', code: 'cycle' },
    ]);
  }
  if (!canUnit(ctx.principal, 'unit.update', parent ?? { path: '/' })) throw forbidden();
  return `${parent?.path ?? '/'}${id}/`;
}

/**
 * Renames, recodes or moves a unit; a move re-roots its whole subtree. Both the unit and its new
 * parent must lie in the admin's scope.
 */
const command = defineCommand({
  name: 'unit.update',
  async load(ctx, input: Input) {
    const before = await getUnit(ctx.db, input.id);
    await pathAfter(ctx, before, input, (parentId) => getUnit(ctx.db, parentId).catch(() => undefined));
    if (input.changes.code && (await codeTaken(ctx.db, input.changes.code, input.id))) {
      throw new AppError('CONFLICT', `unit code ${input.changes.code} exists`, [
        { path: 'code', message: 'taken', code: 'taken' },
      ]);
    }
  },
  async write(tx, ctx, _loaded, input) {
    // Checked again on the tree as it is once held: the unit or its new parent may have moved
    // since (a cycle, or out of the admin's scope), and the paths are built from the locked rows.
    await holdUnitTree(tx);
    const before = await lockUnit(tx, input.id);
    if (!before) throw notFound('unit');
    const newPath = await pathAfter(ctx, before, input, (parentId) => lockUnit(tx, parentId));
    const [row] = await tx
      .update(units)
      .set({ ...input.changes, path: newPath, updatedAt: new Date() })
      .where(eq(units.id, input.id))
      .returning();
    if (newPath !== before.path) {
      // Re-root the whole subtree in one statement.
      await tx
        .update(units)
        .set({ path: sql`${newPath} || substr(${units.path}, ${before.path.length + 1})` })
        .where(like(units.path, `${before.path}%_`));
    }
    const after = unitView(row!);
    return { result: after, audit: { entityType: 'unit', entityId: input.id, before, after } };
  },
});

export const updateUnit = (ctx: ServiceContext, id: string, changes: UpdateUnitInput): Promise<Unit> =>
  command.run(ctx, { id, changes });
