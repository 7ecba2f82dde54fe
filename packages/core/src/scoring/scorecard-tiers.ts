import type { Movement, Tier, TierRules } from './scorecard-schema.js';

/** Shares are turned into slot counts with floor; the epsilon keeps 0.2 × 10 at 2. */
function slots(share: number, size: number): number {
  return Math.floor(share * size + 1e-9);
}

/**
 * Ordinal tier within a category. 整改 (rectify) when the score is below the floor or the rank
 * falls in the bottom share; otherwise 先进 (advanced) when the rank falls in the top share;
 * otherwise 一般 (standard). Rectify wins over advanced, so a unit below the floor is never
 * advanced. Tied units share the better rank, so a tie across a boundary takes everyone in
 * for the top and lets everyone out for the bottom.
 */
export function assignTier(rank: number, size: number, score: number, rules: TierRules): Tier {
  if (score < rules.rectifyScoreBelow || rank > size - slots(rules.rectifyBottomShare, size))
    return 'rectify';
  if (rank <= slots(rules.advancedTopShare, size)) return 'advanced';
  return 'standard';
}

/** 进步: compared with last quarter, rose enough places or gained enough points. */
export function hasProgressed(movement: Movement, rules: TierRules): boolean {
  if (movement.newEntrant) return false;
  const roseEnough = movement.rankDelta !== null && movement.rankDelta >= rules.progressRankRise;
  const gainedEnough = movement.scoreDelta !== null && movement.scoreDelta >= rules.progressScoreRise - 1e-9;
  return roseEnough || gainedEnough;
}

export interface PreviousStanding {
  rank: number;
  score: number;
  category: string;
}

export function movementSince(
  previous: PreviousStanding | undefined,
  rank: number,
  score: number,
  category: string,
) {
  if (!previous) {
    return { newEntrant: true, previousRank: null, rankDelta: null, previousScore: null, scoreDelta: null };
  }
  // Ranks in different categories are not comparable.
  const sameCategory = previous.category === category;
  return {
    newEntrant: false,
    previousRank: previous.rank,
    rankDelta: sameCategory ? previous.rank - rank : null,
    previousScore: previous.score,
    scoreDelta: score - previous.score,
  } satisfies Movement;
}
