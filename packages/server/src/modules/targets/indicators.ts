import { and, asc, eq, ilike, or, sql } from 'drizzle-orm';
import { audit } from '../../audit/audit.js';
import { actor, type ServiceContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { transaction } from '../../db/transaction.js';
import { AppError, forbidden, notFound } from '../../errors.js';
import type { Indicator, IndicatorInput, IndicatorPatch } from './contracts.js';
import { canTarget } from './policy.js';
import { targetIndicators } from './schema.js';

type Row = typeof targetIndicators.$inferSelect;
export const indicatorView = (r: Row): Indicator => ({
  id: r.id,
  code: r.code,
  name: r.name,
  measure: r.measure,
  direction: r.direction,
  category: r.category,
  source: r.source,
  frequency: r.frequency,
  isDemo: r.isDemo,
});

export interface IndicatorFilter {
  category?: Indicator['category'] | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

export async function listIndicators(
  ctx: ServiceContext,
  f: IndicatorFilter,
): Promise<{ total: number; items: Indicator[] }> {
  if (!canTarget(ctx.principal, 'library.read')) throw forbidden();
  const like = f.q ? `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%` : undefined;
  const where = and(
    f.category ? eq(targetIndicators.category, f.category) : undefined,
    like ? or(ilike(targetIndicators.name, like), ilike(targetIndicators.code, like)) : undefined,
  );
  const [count] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(targetIndicators).where(where);
  const rows = await ctx.db
    .select()
    .from(targetIndicators)
    .where(where)
    .orderBy(asc(targetIndicators.code))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return { total: count?.n ?? 0, items: rows.map(indicatorView) };
}

export async function allIndicators(db: Db): Promise<Indicator[]> {
  return (await db.select().from(targetIndicators).orderBy(asc(targetIndicators.code))).map(indicatorView);
}

async function byCode(db: Db, code: string) {
  const [row] = await db.select().from(targetIndicators).where(eq(targetIndicators.code, code));
  return row;
}

export async function createIndicator(ctx: ServiceContext, input: IndicatorInput): Promise<Indicator> {
  if (!canTarget(ctx.principal, 'library.write')) throw forbidden();
  if (await byCode(ctx.db, input.code))
    throw new AppError('CONFLICT', `indicator ${input.code} exists`, [
      { path: 'code', message: 'taken', code: 'taken' },
    ]);
  return transaction(ctx.db, async (tx) => {
    const [row] = await tx.insert(targetIndicators).values(input).returning();
    const after = indicatorView(row!);
    await audit(tx, actor(ctx), {
      action: 'indicator.create',
      entityType: 'indicator',
      entityId: after.id,
      after,
    });
    return after;
  });
}

export async function updateIndicator(
  ctx: ServiceContext,
  id: string,
  input: IndicatorPatch,
): Promise<Indicator> {
  if (!canTarget(ctx.principal, 'library.write')) throw forbidden();
  const [old] = await ctx.db.select().from(targetIndicators).where(eq(targetIndicators.id, id));
  if (!old) throw notFound('indicator');
  if (input.code && input.code !== old.code && (await byCode(ctx.db, input.code)))
    throw new AppError('CONFLICT', `indicator ${input.code} exists`, [
      { path: 'code', message: 'taken', code: 'taken' },
    ]);
  return transaction(ctx.db, async (tx) => {
    const [row] = await tx
      .update(targetIndicators)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(targetIndicators.id, id))
      .returning();
    const after = indicatorView(row!);
    await audit(tx, actor(ctx), {
      action: 'indicator.update',
      entityType: 'indicator',
      entityId: id,
      before: indicatorView(old),
      after,
    });
    return after;
  });
}
