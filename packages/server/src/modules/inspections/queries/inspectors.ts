import { and, asc, count, eq, inArray, type SQL } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import { notFound } from '../../../errors.js';
import { maskPersonName } from '../../../privacy.js';
import { firmsByIds } from '../../business/api.js';
import { unitsByIds } from '../../units/api.js';
import { accountsByIds } from '../../users/api.js';
import type { Inspector, PoolQuery } from '../contracts.js';
import { inspectionConflicts, inspectionInspectors } from '../schema.js';
import { readPools } from './items.js';

type Row = typeof inspectionInspectors.$inferSelect;

export async function conflictIdsOf(db: Db, inspectorId: string): Promise<string[]> {
  const rows = await db
    .select({ firmId: inspectionConflicts.firmId })
    .from(inspectionConflicts)
    .where(eq(inspectionConflicts.inspectorId, inspectorId));
  return rows.map((r) => r.firmId);
}

/**
 * The inspectors as the pages and the export show them: the name masked, and the login too where
 * it is the account's phone (the import knows an inspector by that masked login).
 */
async function present(db: Db, rows: Row[]): Promise<Inspector[]> {
  const ids = rows.map((r) => r.id);
  const conflicts = ids.length
    ? await db.select().from(inspectionConflicts).where(inArray(inspectionConflicts.inspectorId, ids))
    : [];
  const [units, accounts, firms] = await Promise.all([
    unitsByIds(
      db,
      rows.map((r) => r.unitId),
    ),
    accountsByIds(
      db,
      rows.map((r) => r.userId),
    ),
    firmsByIds(
      db,
      conflicts.map((c) => c.firmId),
    ),
  ]);
  return rows.map((r) => {
    const account = accounts.get(r.userId);
    return {
      id: r.id,
      userId: r.userId,
      name: maskPersonName(account?.displayName) ?? '',
      login: account?.listedLogin ?? '',
      unit: { id: r.unitId, name: units.get(r.unitId)?.name ?? '' },
      qualifications: r.qualifications,
      workingDays: r.workingDays,
      conflicts: conflicts
        .filter((c) => c.inspectorId === r.id)
        .map((c) => ({ id: c.firmId, name: firms.get(c.firmId)?.name ?? '' })),
      active: r.active,
      isDemo: r.isDemo,
    };
  });
}

/** The inspectors of every department (or one), page by page; names masked. */
export async function listInspectors(
  ctx: ServiceContext,
  q: Partial<PoolQuery> & { page: number; pageSize: number },
): Promise<{ items: Inspector[]; total: number }> {
  readPools(ctx);
  const where: SQL | undefined = and(q.unitId ? eq(inspectionInspectors.unitId, q.unitId) : undefined);
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(inspectionInspectors)
      .where(where)
      .orderBy(
        asc(inspectionInspectors.unitId),
        asc(inspectionInspectors.createdAt),
        asc(inspectionInspectors.id),
      )
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.select({ n: count() }).from(inspectionInspectors).where(where),
  ]);
  return { items: await present(ctx.db, rows), total: total?.n ?? 0 };
}

export async function getInspector(ctx: ServiceContext, id: string): Promise<Inspector> {
  readPools(ctx);
  const [row] = await ctx.db.select().from(inspectionInspectors).where(eq(inspectionInspectors.id, id));
  if (!row) throw notFound('inspector');
  return (await present(ctx.db, [row]))[0]!;
}

/** Every inspector (exports). */
export async function allInspectors(ctx: ServiceContext): Promise<Inspector[]> {
  readPools(ctx);
  return present(
    ctx.db,
    await ctx.db.select().from(inspectionInspectors).orderBy(asc(inspectionInspectors.createdAt)),
  );
}
