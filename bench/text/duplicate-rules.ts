/**
 * Threshold rules for the pair decision and the lexical baseline they are compared with, shared by
 * lodo-duplicate.ts (the choice of rule) and train-duplicate.ts (the shipped model).
 *
 * A rule sees scored training pairs of several sources and returns one threshold. Every metric is
 * averaged over the sources, so that each source counts the same, whatever its size.
 */
import { matchForm } from '../../packages/core/src/text/normalize.js';
import { binaryScores } from './data.js';

/** Scores and labels of the training pairs of one source. */
export interface ScoredSource {
  scores: readonly number[];
  y: readonly number[];
}

type Measure = (s: ReturnType<typeof binaryScores>, y: readonly number[], pred: number[]) => number;

const balanced: Measure = (_s, y, pred) => {
  let tp = 0;
  let tn = 0;
  let pos = 0;
  for (let i = 0; i < y.length; i++) {
    if (y[i] === 1) {
      pos++;
      if (pred[i] === 1) tp++;
    } else if (pred[i] === 0) tn++;
  }
  return (tp / Math.max(1, pos) + tn / Math.max(1, y.length - pos)) / 2;
};

/** The rules compared; each maximises the named measure, averaged over the sources. */
export const RULES = {
  balancedAccuracy: balanced,
  f1: (s) => s.f1,
  accuracy: (s) => s.accuracy,
  meanOfF1AndAccuracy: (s) => (s.f1 + s.accuracy) / 2,
} as const satisfies Record<string, Measure>;
export type RuleName = keyof typeof RULES;

/** The rule the shipped pair threshold follows (chosen by lodo-duplicate.ts; see docs/methods/text.md). */
export const PAIR_RULE: RuleName = 'meanOfF1AndAccuracy';

/** The threshold (on a grid of 0.01 over `range`) that maximises the rule's mean over the sources. */
export function pickThreshold(
  sources: readonly ScoredSource[],
  rule: RuleName,
  range: readonly [number, number] = [0.05, 0.95],
): { threshold: number; value: number } {
  const measure = RULES[rule];
  let best = { threshold: 0.5, value: -1 };
  for (let step = Math.round(range[0] * 100); step <= Math.round(range[1] * 100); step++) {
    const t = step / 100;
    let sum = 0;
    for (const src of sources) {
      const pred = src.scores.map((p) => (p >= t ? 1 : 0));
      sum += measure(binaryScores(pred, src.y), src.y, pred);
    }
    const value = sum / sources.length;
    if (value > best.value) best = { threshold: t, value };
  }
  return best;
}

/** Area under the ROC curve (ties count half). */
export function auc(scores: readonly number[], y: readonly number[]): number {
  const order = scores.map((s, i) => [s, y[i]!] as const).sort((a, b) => a[0] - b[0]);
  let rankSum = 0;
  let pos = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j < order.length && order[j]![0] === order[i]![0]) j++;
    const meanRank = (i + j + 1) / 2;
    for (let k = i; k < j; k++)
      if (order[k]![1] === 1) {
        rankSum += meanRank;
        pos++;
      }
    i = j;
  }
  const neg = order.length - pos;
  return (rankSum - (pos * (pos + 1)) / 2) / Math.max(1, pos * neg);
}

const bigrams = (s: string): string[] => {
  const t = [...matchForm(s)];
  if (t.length === 1) return t;
  const out: string[] = [];
  for (let i = 0; i + 1 < t.length; i++) out.push(t[i]! + t[i + 1]!);
  return out;
};

/**
 * The plain lexical baseline: TF-IDF over character bigrams of the match form (smoothed IDF
 * ln((1+N)/(1+df)) + 1 over the training sentences, the form scikit-learn uses), cosine of the two
 * texts. The IDF reads no label.
 */
export class BigramCosine {
  private readonly idf = new Map<string, number>();
  private readonly unseen: number;

  constructor(sentences: Iterable<string>) {
    const df = new Map<string, number>();
    let n = 0;
    for (const s of sentences) {
      n++;
      for (const g of new Set(bigrams(s))) df.set(g, (df.get(g) ?? 0) + 1);
    }
    for (const [g, d] of df) this.idf.set(g, Math.log((1 + n) / (1 + d)) + 1);
    this.unseen = Math.log(1 + n) + 1;
  }

  private vector(s: string): Map<string, number> {
    const tf = new Map<string, number>();
    for (const g of bigrams(s)) tf.set(g, (tf.get(g) ?? 0) + 1);
    let norm = 0;
    for (const [g, c] of tf) {
      const w = c * (this.idf.get(g) ?? this.unseen);
      tf.set(g, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [g, w] of tf) tf.set(g, w / norm);
    return tf;
  }

  cosine(a: string, b: string): number {
    const va = this.vector(a);
    const vb = this.vector(b);
    let dot = 0;
    for (const [g, w] of va) dot += w * (vb.get(g) ?? 0);
    return dot;
  }
}
