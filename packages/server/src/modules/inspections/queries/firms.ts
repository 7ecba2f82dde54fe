import { and, asc, count, eq, type SQL } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { notFound } from '../../../errors.js';
import { firmsByIds } from '../../business/api.js';
import type { FirmRisk, FirmRiskQuery } from '../contracts.js';
import { canInspect } from '../policy.js';
import { inspectionFirmProfiles, type riskLevels } from '../schema.js';
import { readPools } from './items.js';

type Row = typeof inspectionFirmProfiles.$inferSelect;

async function present(ctx: ServiceContext, rows: Row[]): Promise<FirmRisk[]> {
  const firms = await firmsByIds(
    ctx.db,
    rows.map((r) => r.firmId),
  );
  return rows.map((r) => ({
    firmId: r.firmId,
    name: firms.get(r.firmId)?.name ?? '',
    creditCode: firms.get(r.firmId)?.creditCode ?? '',
    risk: r.risk,
    blockedDates: r.blockedDates,
  }));
}

/** The firms with a risk level, page by page (one level or all). */
export async function listFirmRisks(
  ctx: ServiceContext,
  q: FirmRiskQuery,
): Promise<{ items: FirmRisk[]; total: number; actions: { setRisk: boolean } }> {
  readPools(ctx);
  const where: SQL | undefined = and(q.risk ? eq(inspectionFirmProfiles.risk, q.risk) : undefined);
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(inspectionFirmProfiles)
      .where(where)
      .orderBy(asc(inspectionFirmProfiles.risk), asc(inspectionFirmProfiles.firmId))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.select({ n: count() }).from(inspectionFirmProfiles).where(where),
  ]);
  return {
    items: await present(ctx, rows),
    total: total?.n ?? 0,
    actions: { setRisk: canInspect(ctx.principal, 'risk.write') },
  };
}

export async function getFirmRisk(ctx: ServiceContext, firmId: string): Promise<FirmRisk> {
  readPools(ctx);
  const [row] = await ctx.db
    .select()
    .from(inspectionFirmProfiles)
    .where(eq(inspectionFirmProfiles.firmId, firmId));
  if (!row) throw notFound('firm');
  return (await present(ctx, [row]))[0]!;
}

/** How many firms each risk level holds: the pools a task draws from. */
export async function riskCounts(ctx: ServiceContext): Promise<Record<(typeof riskLevels)[number], number>> {
  readPools(ctx);
  const rows = await ctx.db
    .select({ risk: inspectionFirmProfiles.risk, n: count() })
    .from(inspectionFirmProfiles)
    .groupBy(inspectionFirmProfiles.risk);
  const out = { high: 0, medium: 0, low: 0 };
  for (const r of rows) out[r.risk] = r.n;
  return out;
}
