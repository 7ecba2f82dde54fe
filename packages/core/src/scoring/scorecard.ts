import { ScoringInputError } from './errors.js';
import { parseWith } from './parse.js';
import { competitionRank } from './rank.js';
import { buildPlanFrame, cellOf, type PlanFrame } from './scorecard-frame.js';
import { catchUpIndex, type DirectionSign, gapClosingRate, unitScore } from './scorecard-rates.js';
import {
  type ItemResults,
  type ParsedScorecardInput,
  type QuarterScorecard,
  type ScorecardInput,
  type ScorecardOptions,
  type ScorecardOutput,
  scorecardInputSchema,
  type UnitScorecard,
} from './scorecard-schema.js';
import { assignTier, hasProgressed, movementSince, type PreviousStanding } from './scorecard-tiers.js';

/** A unit's plan order and weights, shared by its results in every quarter. */
interface UnitPlan {
  indicatorIds: string[];
  weights: number[];
}

interface ScoredUnit {
  unit: number;
  score: number;
  catchUpIndex: number | null;
  reported: number;
  items: ItemResults;
}

function scoreUnit(
  frame: PlanFrame,
  unit: number,
  actual: Float64Array,
  benchmark: Float64Array,
  plan: UnitPlan,
  options: ScorecardOptions,
): ScoredUnit {
  const planned = frame.planned[unit]!;
  const rowStart = unit * frame.indicatorCount;
  const actuals = new Array<number | null>(planned.length);
  const completions = new Array<number | null>(planned.length);
  const catchUps = new Array<number | null>(planned.length);
  let weighted = 0;
  let totalWeight = 0;
  let catchUpWeighted = 0;
  let catchUpWeight = 0;
  let reported = 0;
  for (let k = 0; k < planned.length; k++) {
    const indicator = planned[k]!;
    const cell = rowStart + indicator;
    const weight = frame.weight[cell]!;
    const value = actual[cell]!;
    catchUps[k] = null;
    if (Number.isNaN(value)) {
      actuals[k] = null;
      completions[k] = options.missingActual === 'zero' ? 0 : null;
      if (options.missingActual === 'zero') totalWeight += weight;
      continue;
    }
    const sign = frame.sign[indicator] as DirectionSign;
    reported++;
    const completion = gapClosingRate(
      value,
      frame.base[cell]!,
      frame.target[cell]!,
      sign,
      options.completionCap,
    );
    actuals[k] = value;
    completions[k] = completion;
    weighted += weight * completion;
    totalWeight += weight;
    const peer = Number.isNaN(benchmark[cell]!) ? frame.benchmark[cell]! : benchmark[cell]!;
    if (Number.isNaN(peer)) continue;
    const catchUp = catchUpIndex(value, peer, sign, options.catchUpCap);
    catchUps[k] = catchUp;
    if (catchUp !== null) {
      catchUpWeighted += weight * catchUp;
      catchUpWeight += weight;
    }
  }
  const items = {
    indicatorIds: plan.indicatorIds,
    weights: plan.weights,
    actual: actuals,
    completion: completions,
    catchUp: catchUps,
  };
  return {
    unit,
    score: unitScore(weighted, totalWeight),
    catchUpIndex: catchUpWeight > 0 ? catchUpWeighted / catchUpWeight : null,
    reported,
    items,
  };
}

/** Scorecards (季度晾晒) for every quarter, in the order given, with movement between them. */
export function computeScorecards(input: ParsedScorecardInput): ScorecardOutput {
  const frame = buildPlanFrame(input);
  const cells = input.units.length * frame.indicatorCount;
  const plans: UnitPlan[] = frame.planned.map((planned, u) => ({
    indicatorIds: Array.from(planned, (i) => input.indicators[i]!.id),
    weights: Array.from(planned, (i) => frame.weight[u * frame.indicatorCount + i]!),
  }));
  const unscored = input.units.filter((_, u) => frame.planned[u]!.length === 0).map((unit) => unit.id);
  const actual = new Float64Array(cells);
  const benchmark = new Float64Array(cells);
  let previous = new Map<string, PreviousStanding>();
  const quarters: QuarterScorecard[] = input.quarters.map((quarter, q) => {
    actual.fill(Number.NaN);
    benchmark.fill(Number.NaN);
    quarter.actuals.forEach((row, k) => {
      const cell = cellOf(frame, row.unitId, row.indicatorId, `quarters[${q}].actuals[${k}]`);
      if (!Number.isNaN(actual[cell]!)) {
        throw new ScoringInputError([
          `quarters[${q}].actuals[${k}]: a second value for "${row.unitId}" / "${row.indicatorId}"`,
        ]);
      }
      actual[cell] = row.value;
      if (row.benchmark !== undefined) benchmark[cell] = row.benchmark;
    });
    const byCategory = new Map<string, ScoredUnit[]>();
    input.units.forEach((unit, u) => {
      if (frame.planned[u]!.length === 0) return;
      const scored = scoreUnit(frame, u, actual, benchmark, plans[u]!, input.options);
      const group = byCategory.get(unit.category);
      if (group) group.push(scored);
      else byCategory.set(unit.category, [scored]);
    });
    const standings = new Map<string, PreviousStanding>();
    const units: UnitScorecard[] = [];
    for (const [category, group] of byCategory) {
      const ranks = competitionRank(group.map((g) => g.score));
      group.forEach((scored, k) => {
        const unitId = input.units[scored.unit]!.id;
        const rank = ranks[k]!;
        const movement = movementSince(previous.get(unitId), rank, scored.score, category);
        standings.set(unitId, { rank, score: scored.score, category });
        units.push({
          unitId,
          category,
          score: scored.score,
          rank,
          categorySize: group.length,
          tier: assignTier(rank, group.length, scored.score, input.options.tiers),
          progressed: hasProgressed(movement, input.options.tiers),
          movement,
          catchUpIndex: scored.catchUpIndex,
          planned: scored.items.indicatorIds.length,
          reported: scored.reported,
          items: scored.items,
        });
      });
    }
    previous = standings;
    // Categories in order of first appearance, each from rank 1 down; ties in unit order.
    const categoryOrder = [...byCategory.keys()];
    units.sort(
      (a, b) => categoryOrder.indexOf(a.category) - categoryOrder.indexOf(b.category) || a.rank - b.rank,
    );
    return { quarter: quarter.quarter, units, unscored };
  });
  return { quarters };
}

/** Validates `input` with scorecardInputSchema, then computes the scorecards. */
export function scorecards(input: ScorecardInput): ScorecardOutput {
  return computeScorecards(parseWith(scorecardInputSchema, input));
}
