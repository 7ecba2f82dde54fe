import { and, asc, count, eq, type SQL } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { forbidden, notFound } from '../../../errors.js';
import { unitsByIds } from '../../units/api.js';
import type { InspectionItem, PoolQuery } from '../contracts.js';
import { mayEverInspect } from '../policy.js';
import { inspectionItems } from '../schema.js';

type Row = typeof inspectionItems.$inferSelect;

export function readPools(ctx: ServiceContext): void {
  if (!mayEverInspect(ctx.principal, 'pool.read')) throw forbidden();
}

async function present(ctx: ServiceContext, rows: Row[]): Promise<InspectionItem[]> {
  const units = await unitsByIds(
    ctx.db,
    rows.map((r) => r.unitId),
  );
  return rows.map((r) => ({
    id: r.id,
    unit: { id: r.unitId, name: units.get(r.unitId)?.name ?? '' },
    code: r.code,
    name: r.name,
    legalBasis: r.legalBasis,
    qualification: r.qualification,
    expectedMinutes: r.expectedMinutes,
    isDemo: r.isDemo,
  }));
}

/** The inspection items of every department (or one), page by page, by code. */
export async function listItems(
  ctx: ServiceContext,
  q: Partial<PoolQuery> & { page: number; pageSize: number },
): Promise<{ items: InspectionItem[]; total: number }> {
  readPools(ctx);
  const where: SQL | undefined = and(q.unitId ? eq(inspectionItems.unitId, q.unitId) : undefined);
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(inspectionItems)
      .where(where)
      .orderBy(asc(inspectionItems.code))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.select({ n: count() }).from(inspectionItems).where(where),
  ]);
  return { items: await present(ctx, rows), total: total?.n ?? 0 };
}

export async function getItem(ctx: ServiceContext, id: string): Promise<InspectionItem> {
  readPools(ctx);
  const [row] = await ctx.db.select().from(inspectionItems).where(eq(inspectionItems.id, id));
  if (!row) throw notFound('item');
  return (await present(ctx, [row]))[0]!;
}

/** Every item of the list (exports), by code. */
export async function allItems(ctx: ServiceContext): Promise<InspectionItem[]> {
  readPools(ctx);
  return present(ctx, await ctx.db.select().from(inspectionItems).orderBy(asc(inspectionItems.code)));
}
