import {
  hasProgressed,
  movementSince,
  type PreviousStanding,
  scorecards,
  tierRulesSchema,
} from '@qianxing/core/scoring';
import { and, desc, eq } from 'drizzle-orm';
import { audit } from '../../audit/audit.js';
import { actor, type ServiceContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { transaction } from '../../db/transaction.js';
import { AppError, forbidden, notFound } from '../../errors.js';
import { iso, previousQuarter, unitMap } from './lookup.js';
import { canTarget } from './policy.js';
import { targetScorecards } from './schema.js';
import type { PublicScorecard, Scorecard, ScorecardResult, ScorecardUnit } from './scorecard-contracts.js';
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
const view = (r: Row): Scorecard => ({
  id: r.id,
  period: r.period,
  status: r.status,
  computedAt: r.computedAt.toISOString(),
  publishedAt: iso(r.publishedAt),
  result: r.result as ScorecardResult,
});

/** Computes (or recomputes) the draft scorecard of a quarter; a published one is frozen. */
export async function computeScorecard(ctx: ServiceContext, period: string): Promise<Scorecard> {
  if (!canTarget(ctx.principal, 'scorecard.compute')) throw forbidden();
  const [old] = await ctx.db.select().from(targetScorecards).where(eq(targetScorecards.period, period));
  if (old?.status === 'published')
    throw new AppError('INVALID_STATE', `the ${period} scorecard is published`);
  const result = await computeQuarter(ctx.db, period);
  const row = await transaction(ctx.db, async (tx) => {
    const [saved] = old
      ? await tx
          .update(targetScorecards)
          .set({ result, computedAt: new Date() })
          .where(and(eq(targetScorecards.id, old.id), eq(targetScorecards.status, 'draft')))
          .returning()
      : await tx.insert(targetScorecards).values({ period, result }).returning();
    if (!saved) throw new AppError('INVALID_STATE', 'the scorecard changed meanwhile');
    await audit(tx, actor(ctx), {
      action: 'scorecard.compute',
      entityType: 'scorecard',
      entityId: saved.id,
      before: old ? { computedAt: old.computedAt } : undefined,
      after: { period, units: result.categories.reduce((n, c) => n + c.units.length, 0) },
    });
    return saved;
  });
  return view(row);
}

export async function publishScorecard(ctx: ServiceContext, id: string): Promise<Scorecard> {
  if (!canTarget(ctx.principal, 'scorecard.publish')) throw forbidden();
  const [old] = await ctx.db.select().from(targetScorecards).where(eq(targetScorecards.id, id));
  if (!old) throw notFound('scorecard');
  if (old.status !== 'draft') throw new AppError('INVALID_STATE', 'the scorecard is already published');
  const row = await transaction(ctx.db, async (tx) => {
    const [saved] = await tx
      .update(targetScorecards)
      .set({ status: 'published', publishedAt: new Date(), publishedBy: ctx.principal!.userId })
      .where(and(eq(targetScorecards.id, id), eq(targetScorecards.status, 'draft')))
      .returning();
    if (!saved) throw new AppError('INVALID_STATE', 'the scorecard changed meanwhile');
    await audit(tx, actor(ctx), {
      action: 'scorecard.publish',
      entityType: 'scorecard',
      entityId: id,
      before: { status: 'draft' },
      after: { status: 'published', period: saved.period, result: saved.result },
    });
    return saved;
  });
  return view(row);
}

export async function listScorecards(ctx: ServiceContext): Promise<Array<Omit<Scorecard, 'result'>>> {
  const drafts = canTarget(ctx.principal, 'scorecard.readDraft');
  const rows = await ctx.db
    .select()
    .from(targetScorecards)
    .where(drafts ? undefined : eq(targetScorecards.status, 'published'))
    .orderBy(desc(targetScorecards.period));
  return rows.map((r) => {
    const { result: _result, ...summary } = view(r);
    return summary;
  });
}

export async function getScorecard(ctx: ServiceContext, id: string): Promise<Scorecard> {
  const [row] = await ctx.db.select().from(targetScorecards).where(eq(targetScorecards.id, id));
  if (!row || (row.status !== 'published' && !canTarget(ctx.principal, 'scorecard.readDraft')))
    throw notFound('scorecard');
  return view(row);
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
