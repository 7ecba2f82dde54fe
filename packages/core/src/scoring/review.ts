/**
 * Aggregating expert reviews (专家参评): weighted rubric totals, per-expert z-score
 * normalisation (removes each expert's leniency and spread), and a disagreement flag.
 * See docs/methods/ideas.md.
 */

export interface RubricCriterion {
  code: string;
  weight: number;
}

export interface ReviewScore {
  item: string;
  expert: string;
  /** The expert's weighted total for the item. */
  score: number;
}

export interface ItemAggregate {
  item: string;
  reviews: number;
  /** Mean of the raw totals. */
  mean: number;
  /** Mean of the experts' z-scores: the ranking score of the standardised method. */
  z: number;
  /**
   * Mean of the raw totals without the highest and the lowest (去掉一个最高分和一个最低分);
   * with fewer than three reviews there is nothing to drop and it is the plain mean.
   */
  trimmed: number;
  /** Largest minus smallest raw total. */
  range: number;
  /** Standard deviation of the z-scores of the item (0 with one review). */
  zSpread: number;
  /** True when the experts disagree enough to ask one more. */
  disputed: boolean;
}

export interface AggregateOptions {
  /** Raw range (on the 1–10 scale) at or above which an item is disputed (default 4). */
  maxRange?: number;
  /** z-score spread at or above which an item is disputed (default 1.2). */
  maxZSpread?: number;
}

/** Σ weightᵢ·scoreᵢ / Σ weightᵢ over the rubric; every criterion must be scored. */
export function weightedTotal(scores: Record<string, number>, rubric: readonly RubricCriterion[]): number {
  let sum = 0;
  let weights = 0;
  for (const c of rubric) {
    const s = scores[c.code];
    if (s === undefined || !Number.isFinite(s)) throw new Error(`criterion ${c.code} is not scored`);
    sum += c.weight * s;
    weights += c.weight;
  }
  if (weights <= 0) throw new Error('the rubric has no weight');
  return sum / weights;
}

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
/** Population standard deviation. */
const sd = (xs: readonly number[]) => {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  return Math.sqrt(mean(xs.map((x) => (x - m) ** 2)));
};

/**
 * z = (score − mean of the expert) / sd of the expert. An expert with one review or with
 * identical scores has sd 0: their z-scores are 0 (they carry no ranking information).
 */
export function zScores(scores: readonly ReviewScore[]): Array<ReviewScore & { z: number }> {
  const byExpert = new Map<string, number[]>();
  for (const s of scores) {
    const list = byExpert.get(s.expert) ?? [];
    list.push(s.score);
    byExpert.set(s.expert, list);
  }
  const stats = new Map([...byExpert].map(([e, xs]) => [e, { m: mean(xs), s: sd(xs) }]));
  return scores.map((r) => {
    const { m, s } = stats.get(r.expert)!;
    return { ...r, z: s > 0 ? (r.score - m) / s : 0 };
  });
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;

/** The mean after dropping one highest and one lowest score, as judging panels do. */
export function trimmedMean(xs: readonly number[]): number {
  if (xs.length < 3) return mean(xs);
  const sorted = [...xs].sort((a, b) => a - b);
  return mean(sorted.slice(1, -1));
}

/** How the review ranks suggestions: standardised scores, or the trimmed mean of raw totals. */
export const reviewMethods = ['z', 'trimmed'] as const;
export type ReviewMethod = (typeof reviewMethods)[number];

/** The aggregates best first by the chosen method; ties by the other, then by the raw mean. */
export function rankReviews(items: readonly ItemAggregate[], method: ReviewMethod): ItemAggregate[] {
  const key = (a: ItemAggregate) => (method === 'z' ? [a.z, a.trimmed] : [a.trimmed, a.z]);
  return [...items].sort((a, b) => {
    const [a1, a2] = key(a);
    const [b1, b2] = key(b);
    return b1! - a1! || b2! - a2! || b.mean - a.mean || (a.item < b.item ? -1 : a.item > b.item ? 1 : 0);
  });
}

/** Per item: mean raw score, mean z-score, spread and the disputed flag; best first. */
export function aggregateReviews(
  scores: readonly ReviewScore[],
  options: AggregateOptions = {},
): ItemAggregate[] {
  const maxRange = options.maxRange ?? 4;
  const maxZSpread = options.maxZSpread ?? 1.2;
  const byItem = new Map<string, Array<{ score: number; z: number }>>();
  for (const r of zScores(scores)) {
    const list = byItem.get(r.item) ?? [];
    list.push(r);
    byItem.set(r.item, list);
  }
  const out: ItemAggregate[] = [];
  for (const [item, rs] of byItem) {
    const raw = rs.map((r) => r.score);
    const zs = rs.map((r) => r.z);
    const range = Math.max(...raw) - Math.min(...raw);
    const zSpread = sd(zs);
    out.push({
      item,
      reviews: rs.length,
      mean: round(mean(raw)),
      z: round(mean(zs)),
      trimmed: round(trimmedMean(raw)),
      range: round(range),
      zSpread: round(zSpread),
      disputed: rs.length >= 2 && (range >= maxRange || zSpread >= maxZSpread),
    });
  }
  return rankReviews(out, 'z');
}
