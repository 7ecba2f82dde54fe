/**
 * Would pretrained word vectors lift the duplicate decision on LCQMC without any LCQMC-kind
 * training pair (the benchmark's stricter rule)? Trains the pair features alone and the pair
 * features plus five word-vector features, both on AFQMC (train + dev) and ChineseSTS only
 * (fitDecision, as run.ts's learnedWithoutLcqmc), and reports AUC and F1 on LCQMC dev at the
 * training pairs' own threshold. The best F1 over all thresholds is printed as a ceiling only: picking it
 * reads LCQMC's labels, so it is never a figure of the platform.
 *
 * The vectors are not a dependency of the project. The one Chinese set found on the npm registry
 * is in the package node-synonyms (word2vec over Chinese Wikipedia, 125,796 words, 100
 * dimensions, GPL-3.0):
 *
 *   npm pack node-synonyms && tar xzf node-synonyms-*.tgz package/data/words.vector
 *   npx tsx --conditions=source bench/text/probe-word-vectors.ts package/data/words.vector
 */
import { readFileSync } from 'node:fs';
import { denseScore, sigmoid } from '../../packages/core/src/text/dense-models.js';
import { matchForm } from '../../packages/core/src/text/normalize.js';
import { pairFeatures, prepareText } from '../../packages/core/src/text/pair-features.js';
import { segmentServer } from '../../packages/core/src/text/server/index.js';
import { binaryScores, type Pair, readPairs, readSts } from './data.js';
import { fitDecision } from './duplicate-training.js';

interface WordVectors {
  dims: number;
  index: Map<string, number>;
  unit: Float32Array;
}

/** Reads word2vec's binary format ("N D\n", then per word: the word, a space, D float32s). */
function readWord2vec(path: string): WordVectors {
  const buf = readFileSync(path);
  let at = buf.indexOf(0x0a) + 1;
  const [count, dims] = buf.subarray(0, at).toString('utf8').trim().split(/\s+/).map(Number) as [
    number,
    number,
  ];
  const unit = new Float32Array(count * dims);
  const index = new Map<string, number>();
  for (let w = 0; w < count; w++) {
    while (buf[at] === 0x0a) at++;
    const space = buf.indexOf(0x20, at);
    index.set(buf.subarray(at, space).toString('utf8'), w);
    at = space + 1;
    let norm = 0;
    for (let d = 0; d < dims; d++) {
      const v = buf.readFloatLE(at + 4 * d);
      unit[w * dims + d] = v;
      norm += v * v;
    }
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < dims; d++) unit[w * dims + d]! /= norm;
    at += 4 * dims;
  }
  return { dims, index, unit };
}

function cosine(v: WordVectors, i: number, j: number): number {
  let s = 0;
  for (let d = 0; d < v.dims; d++) s += v.unit[i * v.dims + d]! * v.unit[j * v.dims + d]!;
  return s;
}

/**
 * Mean-vector cosine, mean best alignment (each word's closest word on the other side, both
 * ways), the worst alignment, and how many words align below 0.5 and below 0.99.
 */
function vectorFeatures(v: WordVectors, a: string, b: string): number[] {
  const ids = (s: string) =>
    segmentServer(matchForm(s))
      .map((w) => v.index.get(w))
      .filter((i): i is number => i !== undefined);
  const ia = ids(a);
  const ib = ids(b);
  if (ia.length === 0 || ib.length === 0) return [0, 0, 0, 0, 0];
  const mean = (list: number[]) => {
    const m = new Float64Array(v.dims);
    for (const i of list) for (let d = 0; d < v.dims; d++) m[d]! += v.unit[i * v.dims + d]!;
    return m;
  };
  const ma = mean(ia);
  const mb = mean(ib);
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let d = 0; d < v.dims; d++) {
    dot += ma[d]! * mb[d]!;
    na += ma[d]! ** 2;
    nb += mb[d]! ** 2;
  }
  const bestA = ia.map((i) => Math.max(...ib.map((j) => cosine(v, i, j))));
  const bestB = ib.map((j) => Math.max(...ia.map((i) => cosine(v, i, j))));
  const all = [...bestA, ...bestB];
  const avg = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  return [
    dot / (Math.sqrt(na * nb) || 1),
    (avg(bestA) + avg(bestB)) / 2,
    Math.min(...all),
    all.filter((c) => c < 0.5).length,
    all.filter((c) => c < 0.99).length,
  ];
}

/** Area under the ROC curve by the rank-sum (Mann–Whitney U) formula, ties counted half. */
function auc(scores: readonly number[], gold: readonly number[]): number {
  const order = scores.map((s, i) => [s, gold[i]!] as const).sort((x, y) => x[0] - y[0]);
  let rankSum = 0;
  let pos = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j < order.length && order[j]![0] === order[i]![0]) j++;
    const midRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) {
      if (order[k]![1] !== 1) continue;
      rankSum += midRank;
      pos++;
    }
    i = j;
  }
  const neg = order.length - pos;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

const path = process.argv[2];
if (!path) {
  console.error('usage: probe-word-vectors.ts WORD2VEC_BINARY_FILE');
  process.exit(2);
}
const vectors = readWord2vec(path);
const train: Pair[] = [...readPairs('afqmc_train.csv'), ...readPairs('afqmc_dev.csv'), ...readSts(4)];
const test = readPairs('lcqmc_dev.csv');
const lexical = (pairs: Pair[]) => pairs.map((p) => pairFeatures(prepareText(p.a), prepareText(p.b)));
const withVectors = (pairs: Pair[], base: number[][]) =>
  pairs.map((p, i) => [...base[i]!, ...vectorFeatures(vectors, p.a, p.b)]);
const lexTrain = lexical(train);
const lexTest = lexical(test);
const gold = test.map((p) => p.label);
const sets = {
  'pair features': [lexTrain, lexTest],
  'pair features + word vectors': [withVectors(train, lexTrain), withVectors(test, lexTest)],
} as const;
console.log(
  `${vectors.index.size} words × ${vectors.dims}; train ${train.length} pairs, LCQMC dev ${test.length}`,
);
for (const [name, [Xtr, Xte]] of Object.entries(sets)) {
  const fitted = fitDecision(
    Xtr,
    train.map((p) => p.label),
    'boosted',
  );
  const probs = Xte.map((x) => sigmoid(denseScore(fitted.model, x)));
  const atBar = binaryScores(
    probs.map((p) => (p >= fitted.threshold ? 1 : 0)),
    gold,
  );
  let ceiling = 0;
  for (let t = 0.01; t < 1; t += 0.01)
    ceiling = Math.max(
      ceiling,
      binaryScores(
        probs.map((p) => (p >= t ? 1 : 0)),
        gold,
      ).f1,
    );
  console.log(
    `${name}: AUC ${auc(probs, gold).toFixed(3)}; at the training bar ${fitted.threshold}: F1 ${atBar.f1.toFixed(3)} ` +
      `acc ${atBar.accuracy.toFixed(3)}; best F1 over all bars (reads LCQMC labels) ${ceiling.toFixed(3)}`,
  );
}
