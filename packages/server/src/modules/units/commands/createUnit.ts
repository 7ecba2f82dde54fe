import type { ServiceContext } from '../../../context.js';
import { AppError, forbidden } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import type { CreateUnitInput, Unit } from '../contracts.js';
import { canUnit } from '../policy.js';
import { codeTaken, getUnit, unitView } from '../queries/units.js';
import { units } from '../schema.js';
import { holdUnitTree, lockUnit, unknownParent } from './tree-lock.js';

/** Adds a unit under a parent the admin's scope holds (or a root, for the district office). */
const command = defineCommand({
  name: 'unit.create',
  async load(ctx, input: CreateUnitInput) {
    const parent = input.parentId ? await getUnit(ctx.db, input.parentId).catch(() => null) : null;
    if (input.parentId && !parent) throw unknownParent();
    if (!canUnit(ctx.principal, 'unit.create', parent ?? { path: '/' })) throw forbidden();
    if (await codeTaken(ctx.db, input.code)) {
      throw new AppError('CONFLICT', `unit code ${input.code} exists`, [
        { path: 'code', message: 'taken', code: 'taken' },
      ]);
    }
  },
  async write(tx, ctx, _loaded, input) {
    // The parent may have moved (out of the admin's scope, too) or gone since it was read: the
    // path is built from it as it is once the tree is held.
    await holdUnitTree(tx);
    const parent = input.parentId ? await lockUnit(tx, input.parentId) : null;
    if (input.parentId && !parent) throw unknownParent();
    if (!canUnit(ctx.principal, 'unit.create', parent ?? { path: '/' })) throw forbidden();
    const id = crypto.randomUUID();
    const path = `${parent?.path ?? '/'}${id}/`;
    const [row] = await tx
      .insert(units)
      .values({
        id,
        code: input.code,
        name: input.name,
        kind: input.kind,
        parentId: parent?.id ?? null,
        path,
        sort: input.sort,
      })
      .returning();
    const created = unitView(row!);
    return { result: created, audit: { entityType: 'unit', entityId: id, after: created } };
  },
});

export const createUnit = (ctx: ServiceContext, input: CreateUnitInput): Promise<Unit> =>
  command.run(ctx, input);
