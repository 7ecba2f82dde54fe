/**
 * Which peer figure a quarter is measured against. A benchmark period is a year (`2025`) or a
 * quarter (`2026Q3`); a year's figure describes the whole year and is published in the next one
 * (the statistical bulletins of each spring), so it is known by the year's last quarter at the
 * earliest. As text `2026` sorts before `2026Q1`, which would let the annual 2026 figure stand as
 * the benchmark of 2026Q1 when a quarter is scored again after it was entered.
 */

/** The quarter a benchmark period ends with, as a sortable number (2026Q3 → 20263, 2026 → 20264). */
const endsWith = (period: string): number => {
  const year = Number(period.slice(0, 4));
  return year * 10 + (period.length > 4 ? Number(period.slice(5)) : 4);
};

/** The text bound for a query: every period that can be known by `quarter` sorts at or below it. */
export const peerPeriodsUpTo = (quarter: string): string => `${quarter.slice(0, 4)}Q4`;

/**
 * The newest value of each region and indicator whose period ends no later than `quarter`; of a
 * year and its fourth quarter, the year's figure (the final count, not a quarter's preliminary one).
 */
export function newestPeerValues(
  peers: ReadonlyArray<{ regionId: string; indicatorId: string; period: string; value: number }>,
  quarter: string,
): Map<string, number> {
  const by = endsWith(quarter);
  const rank = (period: string) => endsWith(period) * 2 + (period.length === 4 ? 1 : 0);
  const newest = new Map<string, { rank: number; value: number }>();
  for (const b of peers) {
    if (endsWith(b.period) > by) continue;
    const key = `${b.regionId}/${b.indicatorId}`;
    const r = rank(b.period);
    if ((newest.get(key)?.rank ?? -1) < r) newest.set(key, { rank: r, value: b.value });
  }
  return new Map([...newest].map(([key, { value }]) => [key, value]));
}
