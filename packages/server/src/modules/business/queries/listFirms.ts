import { and, asc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { forbidden } from '../../../errors.js';
import { unitIdsUnder } from '../../units/api.js';
import type { FirmQuery } from '../contracts.js';
import type { FirmRow } from '../lookup.js';
import { type BusinessAction, scopeOf } from '../policy.js';
import { businessFirms } from '../schema.js';

type Filters = Omit<FirmQuery, 'page' | 'pageSize'>;

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The conditions of a list or an export: the firms whose town lies in the actor's scope for
 * `action`, narrowed by the filters. Refuses an actor with no scope at all.
 */
export async function firmConditions(ctx: ServiceContext, action: BusinessAction, filters: Filters) {
  const paths = scopeOf(ctx.principal, action);
  if (paths.length === 0) throw forbidden();
  const towns = await unitIdsUnder(ctx.db, paths);
  const conditions: SQL[] = [inArray(businessFirms.townId, towns)];
  if (filters.q) {
    const pattern = likePattern(filters.q);
    conditions.push(or(ilike(businessFirms.name, pattern), ilike(businessFirms.creditCode, pattern))!);
  }
  if (filters.industry) conditions.push(eq(businessFirms.industryCode, filters.industry));
  if (filters.townId) conditions.push(eq(businessFirms.townId, filters.townId));
  if (filters.size) conditions.push(eq(businessFirms.size, filters.size));
  return and(...conditions);
}

/** One page of the firms in the actor's scope, by name. */
export async function listFirmRows(
  ctx: ServiceContext,
  query: FirmQuery,
): Promise<{ total: number; rows: FirmRow[] }> {
  const where = await firmConditions(ctx, 'firm.list', query);
  const [count] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(businessFirms).where(where);
  const rows = await ctx.db
    .select()
    .from(businessFirms)
    .where(where)
    .orderBy(asc(businessFirms.name), asc(businessFirms.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { total: count?.n ?? 0, rows };
}
