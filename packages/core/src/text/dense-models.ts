/**
 * Small dense models over a handful of features, serialisable as JSON: logistic regression
 * and gradient-boosted depth-2 trees (logistic loss). Used by the near-duplicate decision.
 */

export interface LogisticModel {
  kind: 'logistic';
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
}

export interface TreeNode {
  /** Feature index and split value; `left` when x[feature] <= split. */
  feature: number;
  split: number;
  left: TreeNode | number;
  right: TreeNode | number;
}

export interface BoostedModel {
  kind: 'boosted';
  base: number;
  trees: Array<TreeNode | number>;
}

export type DenseModel = LogisticModel | BoostedModel;

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

function evalTree(t: TreeNode | number, x: readonly number[]): number {
  let node = t;
  while (typeof node !== 'number') node = x[node.feature]! <= node.split ? node.left : node.right;
  return node;
}

/** The model's score (log-odds) for feature vector x. */
export function denseScore(model: DenseModel, x: readonly number[]): number {
  if (model.kind === 'logistic') {
    let z = model.bias;
    for (let i = 0; i < model.weights.length; i++)
      z += (model.weights[i]! * (x[i]! - model.mean[i]!)) / model.scale[i]!;
    return z;
  }
  let z = model.base;
  for (const t of model.trees) z += evalTree(t, x);
  return z;
}

/** Logistic regression by full-batch gradient descent with Adam, L2-penalised, on standardised features. */
export function trainLogistic(
  X: readonly number[][],
  y: readonly number[],
  options: { l2?: number; epochs?: number; rate?: number; sampleWeight?: readonly number[] } = {},
): LogisticModel {
  const n = X.length;
  const d = X[0]?.length ?? 0;
  const mean = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(0);
  for (const x of X) for (let j = 0; j < d; j++) mean[j]! += x[j]! / n;
  for (const x of X) for (let j = 0; j < d; j++) scale[j]! += (x[j]! - mean[j]!) ** 2 / n;
  for (let j = 0; j < d; j++) scale[j] = Math.sqrt(scale[j]!) || 1;
  const Z = X.map((x) => x.map((v, j) => (v - mean[j]!) / scale[j]!));
  const w = new Array<number>(d + 1).fill(0);
  const m = new Array<number>(d + 1).fill(0);
  const v = new Array<number>(d + 1).fill(0);
  const l2 = options.l2 ?? 1e-3;
  const rate = options.rate ?? 0.05;
  const sw = options.sampleWeight;
  const totalW = sw ? sw.reduce((s, x) => s + x, 0) : n;
  for (let epoch = 1; epoch <= (options.epochs ?? 300); epoch++) {
    const g = new Array<number>(d + 1).fill(0);
    for (let i = 0; i < n; i++) {
      const z = Z[i]!;
      let s = w[d]!;
      for (let j = 0; j < d; j++) s += w[j]! * z[j]!;
      const err = (sigmoid(s) - y[i]!) * (sw ? sw[i]! : 1);
      for (let j = 0; j < d; j++) g[j]! += err * z[j]!;
      g[d]! += err;
    }
    for (let j = 0; j <= d; j++) {
      const grad = g[j]! / totalW + (j < d ? l2 * w[j]! : 0);
      m[j] = 0.9 * m[j]! + 0.1 * grad;
      v[j] = 0.999 * v[j]! + 0.001 * grad * grad;
      const mh = m[j]! / (1 - 0.9 ** epoch);
      const vh = v[j]! / (1 - 0.999 ** epoch);
      w[j]! -= (rate * mh) / (Math.sqrt(vh) + 1e-8);
    }
  }
  return { kind: 'logistic', mean, scale, weights: w.slice(0, d), bias: w[d]! };
}

interface BoostOptions {
  trees?: number;
  depth?: number;
  rate?: number;
  bins?: number;
  minLeaf?: number;
  sampleWeight?: readonly number[];
}

/** Gradient-boosted trees (logistic loss, Newton leaves) on quantile-binned features. */
export function trainBoosted(
  X: readonly number[][],
  y: readonly number[],
  options: BoostOptions = {},
): BoostedModel {
  const n = X.length;
  const d = X[0]?.length ?? 0;
  const sw = options.sampleWeight ?? new Array<number>(n).fill(1);
  const bins = options.bins ?? 32;
  const minLeaf = options.minLeaf ?? 50;
  // Candidate splits: quantiles of each feature.
  const splits: number[][] = [];
  for (let j = 0; j < d; j++) {
    const vals = X.map((x) => x[j]!).sort((a, b) => a - b);
    const cand = new Set<number>();
    for (let k = 1; k < bins; k++) cand.add(vals[Math.floor((k * n) / bins)]!);
    splits.push([...cand].sort((a, b) => a - b));
  }
  // Bin index of each value: the first split >= value.
  const binOf = X.map((x) =>
    x.map((v, j) => {
      const s = splits[j]!;
      let lo = 0;
      let hi = s.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (s[mid]! < v) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    }),
  );
  let pos = 0;
  let tot = 0;
  for (let i = 0; i < n; i++) {
    pos += y[i]! * sw[i]!;
    tot += sw[i]!;
  }
  const p0 = Math.min(0.99, Math.max(0.01, pos / tot));
  const base = Math.log(p0 / (1 - p0));
  const F = new Float64Array(n).fill(base);
  const trees: Array<TreeNode | number> = [];
  const rate = options.rate ?? 0.1;
  const lambda = 1;
  const build = (idx: number[], g: Float64Array, h: Float64Array, depth: number): TreeNode | number => {
    let G = 0;
    let H = 0;
    for (const i of idx) {
      G += g[i]!;
      H += h[i]!;
    }
    const leaf = (-G / (H + lambda)) * rate;
    if (depth === 0 || idx.length < 2 * minLeaf) return leaf;
    let best = { gain: 0, feature: -1, bin: -1 };
    for (let j = 0; j < d; j++) {
      const nb = splits[j]!.length + 1;
      const gs = new Float64Array(nb);
      const hs = new Float64Array(nb);
      const cs = new Int32Array(nb);
      for (const i of idx) {
        const b = binOf[i]![j]!;
        gs[b]! += g[i]!;
        hs[b]! += h[i]!;
        cs[b]!++;
      }
      let gl = 0;
      let hl = 0;
      let cl = 0;
      for (let b = 0; b < nb - 1; b++) {
        gl += gs[b]!;
        hl += hs[b]!;
        cl += cs[b]!;
        if (cl < minLeaf || idx.length - cl < minLeaf) continue;
        const gr = G - gl;
        const hr = H - hl;
        const gain = (gl * gl) / (hl + lambda) + (gr * gr) / (hr + lambda) - (G * G) / (H + lambda);
        if (gain > best.gain) best = { gain, feature: j, bin: b };
      }
    }
    if (best.feature < 0) return leaf;
    const split = splits[best.feature]![best.bin]!;
    const left = idx.filter((i) => binOf[i]![best.feature]! <= best.bin);
    const right = idx.filter((i) => binOf[i]![best.feature]! > best.bin);
    return {
      feature: best.feature,
      split,
      left: build(left, g, h, depth - 1),
      right: build(right, g, h, depth - 1),
    };
  };
  const all = Array.from({ length: n }, (_, i) => i);
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  for (let t = 0; t < (options.trees ?? 150); t++) {
    for (let i = 0; i < n; i++) {
      const p = sigmoid(F[i]!);
      g[i] = (p - y[i]!) * sw[i]!;
      h[i] = Math.max(1e-6, p * (1 - p)) * sw[i]!;
    }
    const tree = build(all, g, h, options.depth ?? 2);
    trees.push(tree);
    for (let i = 0; i < n; i++) F[i]! += evalTree(tree, X[i]!);
  }
  return { kind: 'boosted', base, trees };
}
