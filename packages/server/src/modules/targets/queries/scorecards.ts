import { and, desc, eq, like } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import { notFound } from '../../../errors.js';
import type {
  PublicScorecard,
  PublishedPeriod,
  Scorecard,
  ScorecardResult,
} from '../contracts/scorecards.js';
import { canTarget } from '../policy.js';
import { targetScorecards } from '../schema.js';
import { iso, previousQuarter, unitMap } from './lookup.js';
import { scorecardResult } from './scorecard-result.js';
import { loadQuarter } from './scoring-input.js';
import { scoredOrRefused } from './scoring-refusal.js';

/**
 * Scores a quarter with the pure scorecard function; movement compares with the previous
 * quarter scored and ranked the same way from the same data, so a correction of last quarter's
 * data shows in this quarter's movement.
 */
export async function computeQuarter(db: Db, period: string): Promise<ScorecardResult> {
  const units = await unitMap(db);
  const current = await loadQuarter(db, period, units);
  const previous = await loadQuarter(db, previousQuarter(period), units);
  return scoredOrRefused(period, async () => scorecardResult(current, previous, units));
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

/** How many units a scorecard ranks, over all its groups. */
export const rankedUnits = (result: ScorecardResult): number =>
  result.categories.reduce((n, c) => n + c.units.length, 0);

/**
 * Whether the quarter's scorecard is published, and so frozen: its reports no longer count. Read
 * with a share lock inside a transaction (`lock`), a publication under way is waited for and then
 * seen, and none starts before the reader commits.
 */
export async function quarterPublished(db: Db, period: string, lock = false): Promise<boolean> {
  const query = db
    .select({ status: targetScorecards.status })
    .from(targetScorecards)
    .where(eq(targetScorecards.period, period));
  const rows = lock ? await query.for('share') : await query;
  return rows.some((r) => r.status === 'published');
}

/** The years with a published quarter: their approved plans stand behind a public ranking. */
export async function publishedYears(db: Db): Promise<Set<number>> {
  const rows = await db
    .select({ period: targetScorecards.period })
    .from(targetScorecards)
    .where(eq(targetScorecards.status, 'published'));
  return new Set(rows.map((r) => Number(r.period.slice(0, 4))));
}

/**
 * The published quarters of a year, read with a share lock inside a transaction (`lock`): a
 * publication under way is waited for and then seen, and none starts before the reader commits.
 */
export async function publishedQuartersOf(db: Db, year: number, lock = false): Promise<string[]> {
  const query = db
    .select({ period: targetScorecards.period, status: targetScorecards.status })
    .from(targetScorecards)
    .where(like(targetScorecards.period, `${year}Q_`));
  const rows = lock ? await query.for('share') : await query;
  return rows
    .filter((r) => r.status === 'published')
    .map((r) => r.period)
    .sort();
}

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
      // Results computed before these fields existed leave them out rather than guess.
      ...(u.newEntrant === undefined ? {} : { newEntrant: u.newEntrant }),
    })),
    ...(c.unreported
      ? { unreported: c.unreported.map(({ unitId, unitName, status }) => ({ unitId, unitName, status })) }
      : {}),
  })),
});

/** Every published quarter, the newest first: the public page's choice of earlier rankings. */
export async function publishedPeriods(db: Db): Promise<PublishedPeriod[]> {
  const rows = await db
    .select({ period: targetScorecards.period, publishedAt: targetScorecards.publishedAt })
    .from(targetScorecards)
    .where(eq(targetScorecards.status, 'published'))
    .orderBy(desc(targetScorecards.period));
  // A published card always has its date (publishing sets both).
  return rows.map((r) => ({ period: r.period, publishedAt: r.publishedAt!.toISOString() }));
}

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
