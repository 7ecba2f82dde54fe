import { asc, eq, like, sql } from 'drizzle-orm';
import { audit } from '../../audit/audit.js';
import { actor, type ServiceContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { transaction } from '../../db/transaction.js';
import { AppError, forbidden, notFound } from '../../errors.js';
import type { CreateUnitInput, Unit, UpdateUnitInput } from './contracts.js';
import { canUnit } from './policy.js';
import { units } from './schema.js';

const view = (row: typeof units.$inferSelect): Unit => ({
  id: row.id,
  code: row.code,
  name: row.name,
  kind: row.kind,
  parentId: row.parentId,
  path: row.path,
  sort: row.sort,
  isDemo: row.isDemo,
});

export async function listUnits(db: Db): Promise<Unit[]> {
  const rows = await db.select().from(units).orderBy(asc(units.path), asc(units.sort));
  return rows.map(view);
}

export async function getUnit(db: Db, id: string): Promise<Unit> {
  const [row] = await db.select().from(units).where(eq(units.id, id));
  if (!row) throw notFound('unit');
  return view(row);
}

async function codeTaken(db: Db, code: string, except?: string) {
  const [row] = await db.select({ id: units.id }).from(units).where(eq(units.code, code));
  return !!row && row.id !== except;
}

export async function createUnit(ctx: ServiceContext, input: CreateUnitInput): Promise<Unit> {
  const parent = input.parentId ? await getUnit(ctx.db, input.parentId).catch(() => null) : null;
  if (input.parentId && !parent)
    throw new AppError('VALIDATION', 'parent unit not found', [
      { path: 'parentId', message: 'not found', code: 'not_found' },
    ]);
  if (!canUnit(ctx.principal, 'unit.create', parent ?? { path: '/' })) throw forbidden();
  if (await codeTaken(ctx.db, input.code)) {
    throw new AppError('CONFLICT', `unit code ${input.code} exists`, [
      { path: 'code', message: 'taken', code: 'taken' },
    ]);
  }
  return transaction(ctx.db, async (tx) => {
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
    const created = view(row!);
    await audit(tx, actor(ctx), { action: 'unit.create', entityType: 'unit', entityId: id, after: created });
    return created;
  });
}

export async function updateUnit(ctx: ServiceContext, id: string, input: UpdateUnitInput): Promise<Unit> {
  const before = await getUnit(ctx.db, id);
  if (!canUnit(ctx.principal, 'unit.update', before)) throw forbidden();
  if (input.code && (await codeTaken(ctx.db, input.code, id))) {
    throw new AppError('CONFLICT', `unit code ${input.code} exists`, [
      { path: 'code', message: 'taken', code: 'taken' },
    ]);
  }
  let newPath = before.path;
  if (input.parentId !== undefined && input.parentId !== before.parentId) {
    const parent = input.parentId ? await getUnit(ctx.db, input.parentId) : null;
    if (parent?.path.startsWith(before.path)) {
      throw new AppError('INVALID_STATE', 'a unit cannot move under itself', [
        { path: 'parentId', message: 'cycle', code: 'cycle' },
      ]);
    }
    if (!canUnit(ctx.principal, 'unit.update', parent ?? { path: '/' })) throw forbidden();
    newPath = `${parent?.path ?? '/'}${id}/`;
  }
  return transaction(ctx.db, async (tx) => {
    const [row] = await tx
      .update(units)
      .set({ ...input, path: newPath, updatedAt: new Date() })
      .where(eq(units.id, id))
      .returning();
    if (newPath !== before.path) {
      // Re-root the whole subtree in one statement.
      await tx
        .update(units)
        .set({ path: sql`${newPath} || substr(${units.path}, ${before.path.length + 1})` })
        .where(like(units.path, `${before.path}%_`));
    }
    const after = view(row!);
    await audit(tx, actor(ctx), { action: 'unit.update', entityType: 'unit', entityId: id, before, after });
    return after;
  });
}

export async function deleteUnit(ctx: ServiceContext, id: string): Promise<void> {
  const before = await getUnit(ctx.db, id);
  if (!canUnit(ctx.principal, 'unit.delete', before)) throw forbidden();
  const [child] = await ctx.db.select({ id: units.id }).from(units).where(eq(units.parentId, id)).limit(1);
  if (child) throw new AppError('INVALID_STATE', 'the unit has sub-units; move or delete them first');
  await transaction(ctx.db, async (tx) => {
    try {
      await tx.delete(units).where(eq(units.id, id));
    } catch {
      throw new AppError(
        'INVALID_STATE',
        'the unit is still referenced (roles or records); it cannot be deleted',
      );
    }
    await audit(tx, actor(ctx), { action: 'unit.delete', entityType: 'unit', entityId: id, before });
  });
}
