/**
 * The protocol by which `qianxing text classify`'s settings are chosen and scored on the public
 * messages (bench/data/messages/messages_labeled_public.csv, 311 messages, 7 labels, text =
 * title + body): a third of each label (stratified, fixed: the first of every three messages of
 * a label in file order) is held out and read only once, at the end; every choice — model kind,
 * features, C, class weights, smoothing, whether to add the built-in taxonomy descriptions — is
 * made by repeated stratified 5-fold cross-validation on the other two thirds.
 */
import { join } from 'node:path';
import { seededRandom } from '../../packages/core/src/random/index.js';
import {
  builtInDescriptions,
  type ClassifierModel,
  type LabelledText,
  type TrainOptions,
  trainClassifier,
} from '../../packages/core/src/text/index.js';
import { segmentServer } from '../../packages/core/src/text/server/index.js';
import { dataDir, readCsv } from './data.js';
import { macroF1, stratifiedFolds } from './metrics.js';

/** A candidate: the classifier's options and whether the built-in descriptions are added. */
export interface Candidate {
  options: TrainOptions;
  builtInDescriptions: boolean;
}

export function loadSplit() {
  const rows = readCsv(join(dataDir, 'messages', 'messages_labeled_public.csv'));
  const all: LabelledText[] = rows.map((r) => ({ text: `${r.title} ${r.body}`, label: r.label! }));
  const third = stratifiedFolds(
    all.map((e) => e.label),
    3,
  );
  return {
    train: all.filter((_, i) => third[i] !== 0),
    heldOut: all.filter((_, i) => third[i] === 0),
  };
}

/** Trains a candidate as `qianxing text classify` would (jieba as the word segmenter). */
export function trainCandidate(
  c: Candidate,
  examples: readonly LabelledText[],
  temperature?: number,
): ClassifierModel {
  return trainClassifier(examples, {
    ...c.options,
    descriptions: c.builtInDescriptions ? builtInDescriptions(examples.map((e) => e.label)) : [],
    tokenizer: segmentServer,
    ...(temperature === undefined ? {} : { temperature }),
  });
}

/**
 * Stratified 5-fold partitions of the training part, `repeats` times, each from a seeded shuffle
 * within the labels: one partition of 41 messages a fold moves macro-F1 by a few hundredths with
 * a few messages, which is the size of the differences between candidates.
 */
export function repeatedFolds(labels: readonly string[], repeats: number, k = 5): number[][] {
  return Array.from({ length: repeats }, (_, r) => {
    const rand = seededRandom(1000 + r);
    const order = labels.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const inOrder = stratifiedFolds(
      order.map((i) => labels[i]!),
      k,
    );
    const folds = new Array<number>(labels.length);
    order.forEach((i, pos) => {
      folds[i] = inOrder[pos]!;
    });
    return folds;
  });
}

/** Mean and standard error of macro-F1 over every fold of every partition (training part only). */
export function crossValidate(c: Candidate, train: readonly LabelledText[], partitions: number[][]) {
  const scores: number[] = [];
  // A single model's label does not depend on its temperature: skip fitting it (3 fewer fits).
  const temperature = (c.options.model ?? 'svm') === 'svm+complement-nb' ? undefined : 1;
  for (const folds of partitions)
    for (let f = 0; f < 5; f++) {
      const m = trainCandidate(
        c,
        train.filter((_, i) => folds[i] !== f),
        temperature,
      );
      const te = train.filter((_, i) => folds[i] === f);
      scores.push(
        macroF1(
          te.map((e) => m.predict(e.text).label),
          te.map((e) => e.label),
        ),
      );
    }
  const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
  const sd = Math.sqrt(scores.reduce((a, b) => a + (b - mean) ** 2, 0) / (scores.length - 1));
  return { mean, se: sd / Math.sqrt(scores.length) };
}

const name = (c: Candidate) => {
  const o = c.options;
  const f = o.features ?? {};
  const model =
    o.model === 'complement-nb'
      ? `CNB α=${o.alpha}`
      : `SVM C=${o.C} ${o.classWeight ?? 'unweighted'}${o.model === 'svm+complement-nb' ? ` + CNB α=${o.alpha}` : ''}`;
  return `${model}, chars ${(f.charNgrams ?? [1, 2]).join('')}${f.words ? ' + jieba words' : ''}${c.builtInDescriptions ? ', descriptions' : ''}`;
};

/**
 * The model kind of the settings before: one-vs-rest SVMs over character (and word) n-grams.
 * The descriptions are tried off with character bigrams alone, to tell what they add.
 */
export function svmFamily(): Record<string, Candidate> {
  const out: Record<string, Candidate> = {};
  const add = (c: Candidate) => {
    out[name(c)] = c;
  };
  for (const C of [0.125, 0.25, 0.5, 1])
    for (const classWeight of [undefined, 'balanced'] as const) {
      const weight = classWeight ? { classWeight } : {};
      for (const charNgrams of [
        [1, 2],
        [1, 2, 3],
      ])
        for (const words of [false, true])
          add({ options: { C, ...weight, features: { charNgrams, words } }, builtInDescriptions: true });
      add({
        options: { C, ...weight, features: { charNgrams: [1, 2], words: false } },
        builtInDescriptions: false,
      });
    }
  return out;
}

/** Complement naive Bayes, and SVMs and complement naive Bayes mixed by stacking. */
export function newFamilies(): Record<string, Candidate> {
  const out: Record<string, Candidate> = {};
  const add = (c: Candidate) => {
    out[name(c)] = c;
  };
  for (const alpha of [0.01, 0.03, 0.1]) {
    for (const charNgrams of [
      [1, 2],
      [1, 2, 3],
    ])
      for (const words of [false, true])
        add({
          options: { model: 'complement-nb', alpha, features: { charNgrams, words } },
          builtInDescriptions: true,
        });
    add({
      options: { model: 'complement-nb', alpha, features: { charNgrams: [1, 2], words: false } },
      builtInDescriptions: false,
    });
  }
  // The mix costs four fits of both models per training (three for its coefficients): a few settings.
  for (const C of [0.25, 0.5])
    for (const alpha of [0.01, 0.03, 0.1])
      add({
        options: {
          model: 'svm+complement-nb',
          C,
          classWeight: 'balanced',
          alpha,
          features: { charNgrams: [1, 2], words: false },
        },
        builtInDescriptions: true,
      });
  return out;
}
