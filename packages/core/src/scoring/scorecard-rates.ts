import type { Cap } from './scorecard-schema.js';

/** +1 when higher is better, -1 when lower is better. */
export type DirectionSign = 1 | -1;

export function clamp(x: number, cap: Cap): number {
  return Math.min(Math.max(x, cap.min), cap.max);
}

/**
 * Gap-closing rate (actual − base) / (target − base), capped. When the target lies on the
 * better side of the base (target > base for higher-is-better, target < base for
 * lower-is-better) the one formula serves both directions. A plan that asks for no
 * improvement (target == base, or a tolerated decline) has no gap to close: completion is 1
 * when the actual is at least as good as the target and 0 otherwise.
 */
export function gapClosingRate(
  actual: number,
  base: number,
  target: number,
  sign: DirectionSign,
  cap: Cap,
): number {
  if (sign * (target - base) > 0) return clamp((actual - base) / (target - base), cap);
  return clamp(sign * (actual - target) >= 0 ? 1 : 0, cap);
}

/**
 * Catch-up index against the peer benchmark, 1 = level with it, capped: actual / benchmark
 * when higher is better, benchmark / actual when lower is better (an actual of 0 or below
 * then beats any positive benchmark and gets the cap). A ratio needs a positive benchmark;
 * otherwise the index is null.
 */
export function catchUpIndex(
  actual: number,
  benchmark: number,
  sign: DirectionSign,
  cap: Cap,
): number | null {
  if (!(benchmark > 0)) return null;
  if (sign === 1) return clamp(actual / benchmark, cap);
  return actual <= 0 ? cap.max : clamp(benchmark / actual, cap);
}

/** Unit score on 0..100: 100 × the weighted mean completion, at most 100. */
export function unitScore(weightedCompletion: number, totalWeight: number): number {
  if (totalWeight <= 0) return 0;
  const score = (100 * weightedCompletion) / totalWeight;
  return Math.min(Math.max(score, 0), 100);
}
