import { compareIds } from '../draw/stream.js';
import type { DepartmentScore } from './schema.js';

/** Scores this close (absolute, on the 0–100 scale) share a rank. */
export const SCORE_TIE = 1e-9;

/**
 * Sets `rank` by standard competition ranking ("1224") and returns the lines in scorecard
 * order: rank, then department id in code-point order; lines without a score come last,
 * unranked, in id order. Going down the scores, a line joins the group above when its score
 * is within SCORE_TIE of that group's first (highest) score, so a group never spans more than
 * SCORE_TIE however many near-equal scores follow one another.
 */
export function rankDepartments(lines: DepartmentScore[]): DepartmentScore[] {
  const byId = (a: DepartmentScore, b: DepartmentScore) => compareIds(a.department, b.department);
  const scored = lines.filter((line) => line.score !== null);
  const unscored = lines.filter((line) => line.score === null).sort(byId);
  scored.sort((a, b) => b.score! - a.score! || byId(a, b));
  let groupRank = 1;
  let groupScore = Number.NaN;
  scored.forEach((line, position) => {
    if (position === 0 || groupScore - line.score! > SCORE_TIE) {
      groupRank = position + 1;
      groupScore = line.score!;
    }
    line.rank = groupRank;
  });
  // Within a tie the scores may differ in their last bits; the order there is by id.
  scored.sort((a, b) => a.rank! - b.rank! || byId(a, b));
  for (const line of unscored) line.rank = null;
  return [...scored, ...unscored];
}
