import {
  hasProgressed,
  movementSince,
  type PreviousStanding,
  scorecards,
  tierRulesSchema,
} from '@qianxing/core/scoring';
import { and, desc, eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import { notFound } from '../../../errors.js';
import type { PublicScorecard, Scorecard, ScorecardResult, ScorecardUnit } from '../contracts/scorecards.js';
import { canTarget } from '../policy.js';
import { targetScorecards } from '../schema.js';
import { iso, previousQuarter, unitMap } from './lookup.js';
import { loadQuarter } from './scoring-input.js';

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
const categoryOrder = ['department', 'town', 'other'] as const;

/**
 * Scores a quarter with the pure scorecard function; movement compares with the previous
 * quarter scored the same way from the same data, so a correction of last quarter's data
 * shows in this quarter's movement.
 */
export async function computeQuarter(db: Db, period: string): Promise<ScorecardResult> {
  const units = await unitMap(db);
  const rules = tierRulesSchema.parse(undefined);
  const current = await loadQuarter(db, period, units);
  const previous = await loadQuarter(db, previousQuarter(period), units);
  const [now] = scorecards(current.input).quarters;
  const [before] = scorecards(previous.input).quarters;
  const standing = new Map<string, PreviousStanding>(
    (before?.units ?? []).map((u) => [u.unitId, { rank: u.rank, score: u.score, category: u.category }]),
  );
  const groups = new Map<string, ScorecardUnit[]>();
  for (const u of now?.units ?? []) {
    const movement = movementSince(standing.get(u.unitId), u.rank, u.score, u.category);
    const unit = units.get(u.unitId);
    const row: ScorecardUnit = {
      unitId: u.unitId,
      unitCode: unit?.code ?? '',
      unitName: unit?.name ?? '',
      rank: u.rank,
      categorySize: u.categorySize,
      score: round(u.score),
      tier: u.tier,
      progressed: hasProgressed(movement, rules),
      rankDelta: movement.rankDelta,
      scoreDelta: movement.scoreDelta === null ? null : round(movement.scoreDelta),
      catchUpIndex: u.catchUpIndex === null ? null : round(u.catchUpIndex, 4),
      planned: u.planned,
      reported: u.reported,
      late: current.late.has(u.unitId),
    };
    const list = groups.get(u.category) ?? [];
    list.push(row);
    groups.set(u.category, list);
  }
  return {
    categories: categoryOrder
      .filter((c) => groups.has(c))
      .map((category) => ({ category, units: groups.get(category)! })),
  };
}

type Row = typeof targetScorecards.$inferSelect;
export const scorecardView = (r: Row): Scorecard => ({
  id: r.id,
  period: r.period,
  status: r.status,
  computedAt: r.computedAt.toISOString(),
  publishedAt: iso(r.publishedAt),
  result: r.result as ScorecardResult,
});

export async function listScorecards(ctx: ServiceContext): Promise<Array<Omit<Scorecard, 'result'>>> {
  const drafts = canTarget(ctx.principal, 'scorecard.readDraft');
  const rows = await ctx.db
    .select()
    .from(targetScorecards)
    .where(drafts ? undefined : eq(targetScorecards.status, 'published'))
    .orderBy(desc(targetScorecards.period));
  return rows.map((r) => {
    const { result: _result, ...summary } = scorecardView(r);
    return summary;
  });
}

export async function getScorecard(ctx: ServiceContext, id: string): Promise<Scorecard> {
  const [row] = await ctx.db.select().from(targetScorecards).where(eq(targetScorecards.id, id));
  if (!row || (row.status !== 'published' && !canTarget(ctx.principal, 'scorecard.readDraft')))
    throw notFound('scorecard');
  return scorecardView(row);
}

const publicView = (r: Row): PublicScorecard => ({
  period: r.period,
  publishedAt: r.publishedAt!.toISOString(),
  categories: (r.result as ScorecardResult).categories.map((c) => ({
    category: c.category,
    units: c.units.map((u) => ({
      unitId: u.unitId,
      unitName: u.unitName,
      rank: u.rank,
      score: u.score,
      tier: u.tier,
      progressed: u.progressed,
      rankDelta: u.rankDelta,
    })),
  })),
});

/** The newest published scorecard, or a given quarter's; drafts never leave through here. */
export async function publicScorecard(db: Db, period?: string): Promise<PublicScorecard> {
  const [row] = await db
    .select()
    .from(targetScorecards)
    .where(
      and(eq(targetScorecards.status, 'published'), period ? eq(targetScorecards.period, period) : undefined),
    )
    .orderBy(desc(targetScorecards.period))
    .limit(1);
  if (!row) throw notFound('scorecard');
  return publicView(row);
}
