import { rankDepartments } from './rank.js';
import type { MonthScorecard, ScorecardWeights } from './schema.js';

/**
 * A month's scorecard with the latest closed survey (千企万众评效能) folded in as a fourth rate:
 * a department's share of survey scores of 4 or 5 enters the weighted mean beside its three
 * rates, with weight `surveyWeight`, then every department is ranked again. A department the
 * survey did not ask about keeps the score of its three rates, as a rate that is null does; a
 * weight of 0 leaves the scorecard as it was.
 */
export function foldSurvey(
  card: MonthScorecard,
  weights: ScorecardWeights,
  surveyWeight: number,
  shares: ReadonlyMap<string, number>,
): MonthScorecard {
  if (!(surveyWeight > 0) || shares.size === 0) return card;
  const lines = card.departments.map((line) => {
    const share = shares.get(line.department);
    if (share === undefined) return { ...line };
    let weighted = weights.response * line.responseRate + weights.resolution * line.resolutionRate;
    let total = weights.response + weights.resolution;
    if (line.satisfactionRate !== null) {
      weighted += weights.satisfaction * line.satisfactionRate;
      total += weights.satisfaction;
    }
    weighted += surveyWeight * share;
    total += surveyWeight;
    return { ...line, score: 100 * (weighted / total) };
  });
  return { month: card.month, departments: rankDepartments(lines) };
}
