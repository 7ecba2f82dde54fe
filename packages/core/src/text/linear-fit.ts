/**
 * The linear models behind the classifier, each giving one weight vector and a bias per label
 * over the same TF-IDF features, so that any of them, or a weighted sum of them, is served by
 * the same scoring code: one sparse dot product per label.
 */
import { seededRandom } from '../random/index.js';
import type { SparseVector } from './features.js';

export interface LinearScores {
  W: Float64Array[];
  b: Float64Array;
}

/** Scores of x under each label: w·x + b. */
export function linearLogits(
  weights: readonly ArrayLike<number>[],
  bias: ArrayLike<number>,
  x: SparseVector,
): number[] {
  return weights.map((w, c) => {
    let z = bias[c]!;
    for (let k = 0; k < x.idx.length; k++) z += w[x.idx[k]!]! * x.val[k]!;
    return z;
  });
}

export function softmax(z: readonly number[], temperature = 1): number[] {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp((v - m) / temperature));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

/**
 * One-vs-rest linear SVMs with the squared hinge loss, trained by dual coordinate descent
 * (Hsieh et al., ICML 2008; the algorithm of LIBLINEAR and scikit-learn's LinearSVC), with a
 * bias feature of value 1. Deterministic: a seeded order of coordinates.
 */
export function fitSvm(
  X: readonly SparseVector[],
  y: readonly number[],
  k: number,
  dim: number,
  o: { C: number; epochs: number; classWeight?: 'balanced' },
): LinearScores {
  const W = Array.from({ length: k }, () => new Float64Array(dim));
  const b = new Float64Array(k);
  const counts = new Array<number>(k).fill(0);
  for (const v of y) counts[v]!++;
  // The cost of a label's own examples in its one-vs-rest problem (the others keep C).
  const positiveC = counts.map((n) =>
    o.classWeight === 'balanced' && n > 0 ? (o.C * y.length) / (k * n) : o.C,
  );
  const sq = X.map((x) => {
    let s = 1; // the bias feature
    for (let t = 0; t < x.val.length; t++) s += x.val[t]! * x.val[t]!;
    return s;
  });
  const rand = seededRandom(42);
  const order = Array.from({ length: X.length }, (_, i) => i);
  for (let c = 0; c < k; c++) {
    const w = W[c]!;
    const alpha = new Float64Array(X.length);
    const diagOf = (i: number) => 1 / (2 * (y[i] === c ? positiveC[c]! : o.C));
    for (let e = 0; e < o.epochs; e++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      let maxPg = 0;
      for (const i of order) {
        const x = X[i]!;
        const yi = y[i] === c ? 1 : -1;
        let wx = b[c]!;
        for (let t = 0; t < x.idx.length; t++) wx += w[x.idx[t]!]! * x.val[t]!;
        const diag = diagOf(i);
        const g = yi * wx - 1 + diag * alpha[i]!;
        const pg = alpha[i] === 0 ? Math.min(g, 0) : g;
        if (Math.abs(pg) < 1e-12) continue;
        maxPg = Math.max(maxPg, Math.abs(pg));
        const old = alpha[i]!;
        alpha[i] = Math.max(old - g / (sq[i]! + diag), 0);
        const d = (alpha[i]! - old) * yi;
        for (let t = 0; t < x.idx.length; t++) w[x.idx[t]!]! += d * x.val[t]!;
        b[c]! += d;
      }
      if (maxPg < 0.1) break;
    }
  }
  return { W, b };
}

/**
 * Complement naive Bayes (Rennie, Shih, Teevan, Karger, ICML 2003; scikit-learn's ComplementNB
 * with norm = False) on TF-IDF vectors: a label's weights are minus the log of the smoothed term
 * distribution of every other label's examples, so a label with few examples is estimated from
 * the many examples of the rest. A label scores high when the text uses terms that the other
 * labels rarely use. No bias (uniform priors, as Rennie et al.).
 */
export function fitComplementNb(
  X: readonly SparseVector[],
  y: readonly number[],
  k: number,
  dim: number,
  alpha: number,
): LinearScores {
  const total = new Float64Array(dim);
  const own = Array.from({ length: k }, () => new Float64Array(dim));
  X.forEach((x, i) => {
    for (let t = 0; t < x.idx.length; t++) {
      total[x.idx[t]!]! += x.val[t]!;
      own[y[i]!]![x.idx[t]!]! += x.val[t]!;
    }
  });
  const W = own.map((o) => {
    const w = new Float64Array(dim);
    let sum = 0;
    for (let t = 0; t < dim; t++) {
      w[t] = total[t]! - o[t]! + alpha;
      sum += w[t]!;
    }
    for (let t = 0; t < dim; t++) w[t] = -Math.log(w[t]! / sum);
    return w;
  });
  return { W, b: new Float64Array(k) };
}

/** The mean log-loss of held-out scores mixed as Σ_m coef[m] · z_m, each z_m a label's score under model m. */
function mixLoss(heldOut: ReadonlyArray<{ z: number[][]; y: number }>, coef: readonly number[]): number {
  let loss = 0;
  for (const { z, y } of heldOut) {
    const mixed = z[0]!.map((_, c) => z.reduce((s, zm, m) => s + coef[m]! * zm[c]!, 0));
    loss -= Math.log(Math.max(1e-12, softmax(mixed)[y]!));
  }
  return loss / Math.max(1, heldOut.length);
}

/** The value in [lo, hi] that minimises a unimodal function (golden-section search). */
function goldenMin(f: (v: number) => number, lo: number, hi: number, iterations = 40): number {
  const g = (Math.sqrt(5) - 1) / 2;
  for (let it = 0; it < iterations; it++) {
    const a = hi - g * (hi - lo);
    const c = lo + g * (hi - lo);
    if (f(a) < f(c)) hi = c;
    else lo = a;
  }
  return (lo + hi) / 2;
}

/**
 * Coefficients of the models' scores that minimise the log-loss of their softmax on held-out
 * scores: stacking with a multinomial logistic combiner, one coefficient per model (with one
 * model, the inverse temperature of Platt-style scaling). Each model's own inverse temperature
 * first (searched on a log scale, as scores of different models differ in scale by orders of
 * magnitude), then each model's share of it, by cyclic golden-section search; the loss is convex
 * in the coefficients.
 */
export function fitMix(heldOut: ReadonlyArray<{ z: number[][]; y: number }>, models: number): number[] {
  if (heldOut.length === 0) return new Array<number>(models).fill(1);
  const alone = Array.from({ length: models }, (_, m) =>
    Math.exp(
      goldenMin(
        (u) =>
          mixLoss(
            heldOut,
            Array.from({ length: models }, (_, i) => (i === m ? Math.exp(u) : 0)),
          ),
        Math.log(0.01),
        Math.log(1000),
      ),
    ),
  );
  if (models === 1) return alone;
  const share = new Array<number>(models).fill(1 / models);
  const coef = () => alone.map((a, i) => a * share[i]!);
  for (let round = 0; round < 8; round++)
    for (let m = 0; m < models; m++)
      share[m] = goldenMin(
        (v) =>
          mixLoss(
            heldOut,
            alone.map((a, i) => a * (i === m ? v : share[i]!)),
          ),
        0,
        2,
      );
  return coef();
}
