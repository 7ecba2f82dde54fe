/** Quality measures for the text benchmarks. */

/** Macro-averaged F1 over the labels of `gold`. */
export function macroF1(pred: readonly string[], gold: readonly string[]): number {
  const labels = [...new Set(gold)];
  let sum = 0;
  for (const l of labels) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    pred.forEach((p, i) => {
      if (p === l && gold[i] === l) tp++;
      else if (p === l) fp++;
      else if (gold[i] === l) fn++;
    });
    sum += tp > 0 ? (2 * tp) / (2 * tp + fp + fn) : 0;
  }
  return sum / labels.length;
}

/** Pair precision and recall of a grouping against true groups (as py_baseline.pair_scores). */
export function pairScores(pred: readonly (string | number)[], truth: readonly (string | number)[]) {
  const cont = new Map<string, number>();
  const ps = new Map<string | number, number>();
  const ts = new Map<string | number, number>();
  pred.forEach((p, i) => {
    const k = `${p}\u0000${truth[i]}`;
    cont.set(k, (cont.get(k) ?? 0) + 1);
    ps.set(p, (ps.get(p) ?? 0) + 1);
    ts.set(truth[i]!, (ts.get(truth[i]!) ?? 0) + 1);
  });
  const pairs = (m: Map<unknown, number>) => [...m.values()].reduce((s, x) => s + (x * (x - 1)) / 2, 0);
  const tp = pairs(cont);
  const precision = tp / Math.max(1, pairs(ps));
  const recall = tp / Math.max(1, pairs(ts));
  return {
    precision,
    recall,
    f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0,
  };
}

/** Stratified fold numbers (0..k-1) for labels, deterministic: round-robin within each label in input order. */
export function stratifiedFolds(labels: readonly string[], k: number): number[] {
  const seen = new Map<string, number>();
  return labels.map((l) => {
    const n = seen.get(l) ?? 0;
    seen.set(l, n + 1);
    return n % k;
  });
}

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
