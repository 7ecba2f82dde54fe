import {
  assignTier,
  hasProgressed,
  movementSince,
  type PreviousStanding,
  scorecards,
  type Tier,
  type TierRules,
  tierRulesSchema,
  type UnitScorecard,
} from '@qianxing/core/scoring';
import type { Unit } from '../../units/api.js';
import type { ScorecardResult, ScorecardUnit, UnreportedUnit } from '../contracts/scorecards.js';
import { unitCategory } from './lookup.js';
import type { QuarterData } from './scoring-input.js';
import { type Contender, rankCategory, reachedTargets } from './standings.js';

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
const categoryOrder = ['department', 'town', 'other'] as const;

interface Ranked {
  core: UnitScorecard;
  /** The score as published, rounded to 2 decimals. */
  score: number;
  rank: number;
  reachedTarget: number;
  submittedAt: string | null;
}

/** One quarter scored by the core, each category ordered and numbered by the tie rule. */
function rankQuarter(data: QuarterData, units: Map<string, Unit>): Map<string, Ranked[]> {
  const [scored] = scorecards(data.input).quarters;
  const groups = new Map<string, Array<Contender & { core: UnitScorecard }>>();
  for (const u of scored?.units ?? []) {
    const unit = units.get(u.unitId);
    const list = groups.get(u.category) ?? [];
    list.push({
      core: u,
      unitId: u.unitId,
      unitCode: unit?.code ?? '',
      unitName: unit?.name ?? '',
      score: round(u.score),
      reachedTarget: reachedTargets(u),
      submittedAt: data.submittedAt.get(u.unitId) ?? null,
    });
    groups.set(u.category, list);
  }
  return new Map([...groups].map(([category, list]) => [category, rankCategory(list)]));
}

/**
 * Tiers on the published (rounded) scores, tied units sharing the better competition rank: the
 * core decides on unrounded scores, which could put 59.996, shown as 60.00, under the floor of 60,
 * or part two units that both show 85.00.
 */
function publishedTiers(list: Ranked[], rules: TierRules): Map<string, Tier> {
  // The list is in ranking order, so a unit's competition rank is the place of the first unit with its score.
  return new Map(
    list.map((r) => {
      const rank = 1 + list.findIndex((o) => o.score === r.score);
      return [r.core.unitId, assignTier(rank, list.length, r.score, rules)];
    }),
  );
}

/**
 * A quarter's result from its loaded data and the previous quarter's: units without a counted
 * report are listed apart (未报送 / 退回), not scored; the rest are ranked by the tie rule, and a
 * unit not ranked the quarter before is a new entrant.
 */
export function scorecardResult(
  current: QuarterData,
  previous: QuarterData,
  units: Map<string, Unit>,
): ScorecardResult {
  const rules = tierRulesSchema.parse(undefined);
  const standing = new Map<string, PreviousStanding>();
  for (const [category, list] of rankQuarter(previous, units))
    for (const r of list) standing.set(r.core.unitId, { rank: r.rank, score: r.score, category });
  const groups = new Map<string, ScorecardUnit[]>();
  for (const [category, list] of rankQuarter(current, units)) {
    const tiers = publishedTiers(list, rules);
    groups.set(
      category,
      list.map(({ core: u, score, rank, reachedTarget, submittedAt }) => {
        // Movement between published scores, so that a rise shown as 5.00 counts as 5 points.
        const movement = movementSince(standing.get(u.unitId), rank, score, u.category);
        const unit = units.get(u.unitId);
        return {
          unitId: u.unitId,
          unitCode: unit?.code ?? '',
          unitName: unit?.name ?? '',
          rank,
          categorySize: u.categorySize,
          score,
          tier: tiers.get(u.unitId)!,
          progressed: hasProgressed(movement, rules),
          rankDelta: movement.rankDelta,
          scoreDelta: movement.scoreDelta === null ? null : round(movement.scoreDelta),
          catchUpIndex: u.catchUpIndex === null ? null : round(u.catchUpIndex, 4),
          planned: u.planned,
          reported: u.reported,
          late: current.late.has(u.unitId),
          newEntrant: movement.newEntrant,
          reachedTarget,
          submittedAt,
        };
      }),
    );
  }
  const unreported = new Map<string, UnreportedUnit[]>();
  for (const [unitId, status] of current.unreported) {
    const unit = units.get(unitId);
    const category = unitCategory(unit?.kind ?? 'other');
    const list = unreported.get(category) ?? [];
    list.push({ unitId, unitCode: unit?.code ?? '', unitName: unit?.name ?? '', status });
    unreported.set(category, list);
  }
  return {
    categories: categoryOrder
      .filter((c) => groups.has(c) || unreported.has(c))
      .map((category) => ({
        category,
        units: groups.get(category) ?? [],
        unreported: (unreported.get(category) ?? []).sort((a, b) => a.unitCode.localeCompare(b.unitCode)),
      })),
  };
}
