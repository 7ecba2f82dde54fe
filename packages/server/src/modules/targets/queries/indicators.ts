import { and, asc, eq, ilike, or, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import { forbidden } from '../../../errors.js';
import type { ImportLocale } from '../../../kernel/excel-import.js';
import { negativeAllowed } from '../commands/plan-concerns.js';
import type { Indicator } from '../contracts/library.js';
import { indicatorWorkbook } from '../excel.js';
import { canTarget } from '../policy.js';
import { targetIndicators } from '../schema.js';

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
  negativeAllowed: negativeAllowed(r.name, r.measure),
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

export async function indicatorByCode(db: Db, code: string) {
  const [row] = await db.select().from(targetIndicators).where(eq(targetIndicators.code, code));
  return row;
}

export async function exportIndicators(ctx: ServiceContext, locale: ImportLocale): Promise<Buffer> {
  if (!canTarget(ctx.principal, 'library.read')) throw forbidden();
  return indicatorWorkbook(await allIndicators(ctx.db), locale);
}
