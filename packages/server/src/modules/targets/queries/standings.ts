import type { UnitScorecard } from '@qianxing/core/scoring';

/** A scored unit with what the tie break reads. */
export interface Contender {
  unitId: string;
  unitCode: string;
  unitName: string;
  /** The score as published, rounded to 2 decimals: units that show the same score are tied. */
  score: number;
  /** Plan items whose completion reached the quarter's target. */
  reachedTarget: number;
  /** ISO time the report was submitted; null sorts last. */
  submittedAt: string | null;
}

// Completion is a capped gap-closing rate: 1 is the target itself.
const REACHED = 1 - 1e-9;

/** How many of a unit's plan items reached the quarter's target. */
export const reachedTargets = (u: Pick<UnitScorecard, 'items'>): number =>
  u.items.completion.filter((c) => c !== null && c >= REACHED).length;

const byName = new Intl.Collator('zh-CN');

/**
 * The tie rule of the published ranking: higher score first; on the same (rounded) score, more
 * plan items reaching their target; then the earlier submission; then the unit's name (then
 * code, so the order is total). Every unit gets its own place, 1, 2, 3, …
 */
export function compareContenders(a: Contender, b: Contender): number {
  return (
    b.score - a.score ||
    b.reachedTarget - a.reachedTarget ||
    (a.submittedAt ?? '\uffff').localeCompare(b.submittedAt ?? '\uffff') ||
    byName.compare(a.unitName, b.unitName) ||
    a.unitCode.localeCompare(b.unitCode)
  );
}

/** Orders one category by the tie rule and numbers the places. */
export function rankCategory<T extends Contender>(units: readonly T[]): Array<T & { rank: number }> {
  return [...units].sort(compareContenders).map((u, k) => ({ ...u, rank: k + 1 }));
}
