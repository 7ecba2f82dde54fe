import { seededRandom } from '../random/index.js';
import { type FeatureOptions, fitVocabulary, type SparseVector, textTerms, tfidfVector } from './features.js';
import type { Tokenizer } from './tokenize.js';

export interface LabelledText {
  text: string;
  label: string;
}

export interface Prediction {
  label: string;
  /** Calibrated probability of `label`, in [0, 1]. */
  confidence: number;
  /** Every label's probability, best first. */
  scores: Array<{ label: string; probability: number }>;
}

export interface TrainOptions {
  /** Most passes over the data per label (default 50; stops earlier when converged). */
  epochs?: number;
  /** The SVM's cost parameter C (default 1). */
  C?: number;
  /**
   * `balanced`: in each one-vs-rest problem the label's own examples get the cost C × n / (k · n_label)
   * (k labels, n examples), as LIBLINEAR's and scikit-learn's class weights, so that a label
   * with few examples is not given up for the large ones. Default: every example the cost C.
   */
  classWeight?: 'balanced';
  /** Ignore terms seen in fewer documents (default 1). */
  minDf?: number;
  /** Softmax temperature; by default fitted by 3-fold cross-validation on the training set. */
  temperature?: number;
  features?: Omit<FeatureOptions, 'tokenizer'>;
  /**
   * Label descriptions (e.g. the names of a category's sub-categories) added to the training
   * set as extra examples: they seed a cold start and help labels with few examples.
   */
  descriptions?: readonly LabelledText[];
}

/**
 * The settings of `qianxing text classify` (messages to a government, a label per department
 * area): a smaller C than the default and balanced class weights, chosen by 5-fold
 * cross-validation on the training part of the public messages only
 * (`bench/text/classify-select.ts`, docs/methods/text.md).
 */
export const MESSAGE_CLASSIFIER_OPTIONS = {
  C: 0.25,
  classWeight: 'balanced',
} as const satisfies TrainOptions;

/** The model's JSON form: vocabulary, IDF, weights per label. */
export interface ClassifierModelJson {
  version: 1;
  labels: string[];
  terms: string[];
  idf: number[];
  /** weights[label][term]; bias per label. */
  weights: number[][];
  bias: number[];
  temperature: number;
  features: Omit<FeatureOptions, 'tokenizer'>;
}

/** A trained text classifier: linear SVMs over TF-IDF character and word n-grams, scores turned into probabilities. */
export class ClassifierModel {
  private readonly vocab: Map<string, number>;
  private readonly tokenizer: Tokenizer | undefined;

  constructor(
    readonly json: ClassifierModelJson,
    tokenizer?: Tokenizer,
  ) {
    this.vocab = new Map(json.terms.map((t, i) => [t, i]));
    this.tokenizer = tokenizer;
  }

  get labels(): string[] {
    return this.json.labels;
  }

  static fromJSON(json: ClassifierModelJson, tokenizer?: Tokenizer): ClassifierModel {
    if (json.version !== 1 || json.weights.length !== json.labels.length)
      throw new Error('not a classifier model');
    return new ClassifierModel(json, tokenizer);
  }

  toJSON(): ClassifierModelJson {
    return this.json;
  }

  vectorize(text: string): SparseVector {
    return tfidfVector(
      textTerms(text, { ...this.json.features, tokenizer: this.tokenizer }),
      this.vocab,
      this.json.idf,
    );
  }

  predict(text: string): Prediction {
    const probs = softmax(
      logits(this.json.weights, this.json.bias, this.vectorize(text)),
      this.json.temperature,
    );
    const scores = this.json.labels
      .map((label, i) => ({ label, probability: probs[i]! }))
      .sort((a, b) => b.probability - a.probability || (a.label < b.label ? -1 : 1));
    return { label: scores[0]!.label, confidence: scores[0]!.probability, scores };
  }
}

function logits(weights: readonly ArrayLike<number>[], bias: ArrayLike<number>, x: SparseVector): number[] {
  return weights.map((w, c) => {
    let z = bias[c]!;
    for (let k = 0; k < x.idx.length; k++) z += w[x.idx[k]!]! * x.val[k]!;
    return z;
  });
}

function softmax(z: readonly number[], temperature = 1): number[] {
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
function fitSvm(
  X: readonly SparseVector[],
  y: readonly number[],
  k: number,
  dim: number,
  o: { C: number; epochs: number; classWeight?: 'balanced' },
) {
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

/** The temperature that minimises the log-loss of held-out logits (golden-section search). */
function fitTemperature(heldOut: Array<{ z: number[]; y: number }>): number {
  if (heldOut.length === 0) return 1;
  const loss = (t: number) =>
    heldOut.reduce((s, { z, y }) => s - Math.log(Math.max(1e-12, softmax(z, t)[y]!)), 0);
  let lo = 0.05;
  let hi = 5;
  const g = (Math.sqrt(5) - 1) / 2;
  for (let it = 0; it < 40; it++) {
    const a = hi - g * (hi - lo);
    const c = lo + g * (hi - lo);
    if (loss(a) < loss(c)) hi = c;
    else lo = a;
  }
  return (lo + hi) / 2;
}

function trainCore(terms: string[][], y: number[], k: number, o: TrainOptions) {
  const { vocab, idf } = fitVocabulary(terms, o.minDf ?? 1);
  const X = terms.map((t) => tfidfVector(t, vocab, idf));
  const { W, b } = fitSvm(X, y, k, vocab.size, {
    C: o.C ?? 1,
    epochs: o.epochs ?? 50,
    classWeight: o.classWeight,
  });
  return { vocab, idf, W, b };
}

/**
 * Trains a classifier from labelled examples: TF-IDF over character uni- and bigrams (and, if
 * asked, word uni- and bigrams), one-vs-rest linear SVMs, and a softmax over their scores
 * whose temperature is fitted on 3-fold cross-validated scores, so that the confidence is
 * calibrated (Platt-style scaling, multiclass).
 */
export function trainClassifier(
  examples: readonly LabelledText[],
  options: TrainOptions & { tokenizer?: Tokenizer } = {},
): ClassifierModel {
  examples = [...examples, ...(options.descriptions ?? [])];
  if (examples.length === 0) throw new Error('no training examples');
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const features = options.features ?? {};
  const terms = examples.map((e) => textTerms(e.text, { ...features, tokenizer: options.tokenizer }));
  const y = examples.map((e) => labelIndex.get(e.label)!);
  let temperature = options.temperature;
  if (temperature === undefined) {
    const heldOut: Array<{ z: number[]; y: number }> = [];
    if (examples.length >= 30 && labels.length > 1) {
      for (let f = 0; f < 3; f++) {
        const tr = terms.map((_, i) => i).filter((i) => i % 3 !== f);
        const m = trainCore(
          tr.map((i) => terms[i]!),
          tr.map((i) => y[i]!),
          labels.length,
          options,
        );
        for (let i = f; i < terms.length; i += 3)
          heldOut.push({ z: logits(m.W, m.b, tfidfVector(terms[i]!, m.vocab, m.idf)), y: y[i]! });
      }
    }
    temperature = fitTemperature(heldOut);
  }
  const m = trainCore(terms, y, labels.length, options);
  const round = (v: number) => Math.round(v * 1e5) / 1e5;
  return new ClassifierModel(
    {
      version: 1,
      labels,
      terms: [...m.vocab.keys()],
      idf: Array.from(m.idf, round),
      weights: m.W.map((w) => Array.from(w, round)),
      bias: Array.from(m.b, round),
      temperature: round(temperature),
      features,
    },
    options.tokenizer,
  );
}
