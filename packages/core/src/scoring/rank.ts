/**
 * Values closer than this (relative to their size) count as tied, so that two scores that
 * differ only by floating-point rounding share a rank.
 */
export const TIE_TOLERANCE = 1e-9;

function tied(a: number, b: number): boolean {
  return Math.abs(a - b) <= TIE_TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * Standard competition ranking ("1224"): rank 1 is the highest value; tied values share the
 * better rank and the next value skips the places they took.
 */
export function competitionRank(values: ArrayLike<number>): number[] {
  const order = Array.from({ length: values.length }, (_, i) => i);
  order.sort((a, b) => values[b]! - values[a]! || a - b);
  const ranks = new Array<number>(values.length);
  let groupRank = 1;
  let groupValue = Number.NaN;
  order.forEach((index, position) => {
    const value = values[index]!;
    if (position === 0 || !tied(value, groupValue)) {
      groupRank = position + 1;
      groupValue = value;
    }
    ranks[index] = groupRank;
  });
  return ranks;
}
