import { type FeatureOptions, fitVocabulary, type SparseVector, textTerms, tfidfVector } from './features.js';
import {
  fitComplementNb,
  fitMix,
  fitSvm,
  type LinearScores,
  linearLogits as logits,
  softmax,
} from './linear-fit.js';
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

/**
 * The linear model: one-vs-rest SVMs, complement naive Bayes, or both with their scores mixed
 * by coefficients fitted on cross-validated scores.
 */
export type ClassifierKind = 'svm' | 'complement-nb' | 'svm+complement-nb';

export interface TrainOptions {
  /** Default `svm`. */
  model?: ClassifierKind;
  /** Complement naive Bayes: the additive smoothing of term weights (default 0.03). */
  alpha?: number;
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

/** A trained text classifier: linear scores over TF-IDF character and word n-grams, turned into probabilities. */
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

/** The models a `model` option stands for, in the order their scores are mixed. */
const COMPONENTS: Record<ClassifierKind, ReadonlyArray<'svm' | 'complement-nb'>> = {
  svm: ['svm'],
  'complement-nb': ['complement-nb'],
  'svm+complement-nb': ['svm', 'complement-nb'],
};

function trainCore(terms: string[][], y: number[], k: number, o: TrainOptions) {
  const { vocab, idf } = fitVocabulary(terms, o.minDf ?? 1);
  const X = terms.map((t) => tfidfVector(t, vocab, idf));
  const parts: LinearScores[] = COMPONENTS[o.model ?? 'svm'].map((kind) =>
    kind === 'svm'
      ? fitSvm(X, y, k, vocab.size, { C: o.C ?? 1, epochs: o.epochs ?? 50, classWeight: o.classWeight })
      : fitComplementNb(X, y, k, vocab.size, o.alpha ?? 0.03),
  );
  return { vocab, idf, parts };
}

/**
 * Trains a classifier from labelled examples: TF-IDF over character n-grams (and, if asked,
 * word uni- and bigrams), one or two linear models (one-vs-rest SVMs, complement naive Bayes),
 * and a softmax over their scores. The scores' coefficients (with one model, the inverse
 * temperature) are fitted on 3-fold cross-validated scores of the training set, so that the
 * confidence is calibrated (Platt-style scaling, multiclass) and a mix of two models is
 * weighted by what each adds on examples it was not trained on (stacking). Every model is
 * linear in the same features, so the mix is one weight vector per label.
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
  const models = COMPONENTS[options.model ?? 'svm'].length;
  let coef = new Array<number>(models).fill(1);
  if (options.temperature === undefined || models > 1) {
    const heldOut: Array<{ z: number[][]; y: number }> = [];
    if (examples.length >= 30 && labels.length > 1) {
      for (let f = 0; f < 3; f++) {
        const tr = terms.map((_, i) => i).filter((i) => i % 3 !== f);
        const m = trainCore(
          tr.map((i) => terms[i]!),
          tr.map((i) => y[i]!),
          labels.length,
          options,
        );
        for (let i = f; i < terms.length; i += 3) {
          const x = tfidfVector(terms[i]!, m.vocab, m.idf);
          heldOut.push({ z: m.parts.map((p) => logits(p.W, p.b, x)), y: y[i]! });
        }
      }
    }
    coef = fitMix(heldOut, models);
  }
  const m = trainCore(terms, y, labels.length, options);
  // One model keeps its scores and a temperature; a mix folds its coefficients into the weights.
  const scale = models === 1 ? [1] : coef;
  const temperature = options.temperature ?? (models === 1 ? 1 / coef[0]! : 1);
  const mixed = (get: (p: LinearScores) => ArrayLike<number>) => {
    const out = new Float64Array(get(m.parts[0]!).length);
    m.parts.forEach((p, j) => {
      const v = get(p);
      for (let t = 0; t < out.length; t++) out[t]! += scale[j]! * v[t]!;
    });
    return out;
  };
  const round = (v: number) => Math.round(v * 1e5) / 1e5;
  return new ClassifierModel(
    {
      version: 1,
      labels,
      terms: [...m.vocab.keys()],
      idf: Array.from(m.idf, round),
      weights: labels.map((_, c) =>
        Array.from(
          mixed((p) => p.W[c]!),
          round,
        ),
      ),
      bias: Array.from(
        mixed((p) => p.b),
        round,
      ),
      temperature: round(temperature),
      features,
    },
    options.tokenizer,
  );
}
