/**
 * Shared by train-duplicate.ts (the shipped model) and validate-duplicate.ts (the choice of
 * model): the unlabelled corpus for the character IDF and the fitting of a decision model.
 */
import { join } from 'node:path';
import type { CharIdfTable } from '../../packages/core/src/text/char-idf.js';
import {
  type DenseModel,
  denseScore,
  sigmoid,
  trainBoosted,
  trainLogistic,
} from '../../packages/core/src/text/dense-models.js';
import { matchForm } from '../../packages/core/src/text/normalize.js';
import { contentChars } from '../../packages/core/src/text/tokenize.js';
import { dataDir, type Pair, partsBySentence, readCsv, readPairs, readSts } from './data.js';
import { PAIR_RULE, pickThreshold, RULES, type RuleName } from './duplicate-rules.js';

/**
 * Every sentence of the allowed pair corpora (AFQMC train + dev, ChineseSTS) and of the public
 * messages (titles, and bodies cut at sentence ends), each once, in file order. No labels are
 * read; LCQMC is not part of it.
 */
export function unlabelledSentences(): string[] {
  const out = new Set<string>();
  for (const p of [...readPairs('afqmc_train.csv'), ...readPairs('afqmc_dev.csv'), ...readSts()]) {
    out.add(p.a);
    out.add(p.b);
  }
  const messageFiles = [
    'attachment3_full_hotspot_likes.csv',
    'attachment4_full_replies.csv',
    'messages_labeled_public.csv',
  ];
  for (const file of messageFiles) {
    for (const row of readCsv(join(dataDir, 'messages', file))) {
      const title = row.留言主题 ?? row.title ?? '';
      if (title.trim()) out.add(title);
      for (const s of (row.留言详情 ?? row.body ?? '').split(/[。！？!?\n]/))
        if (s.trim().length >= 4) out.add(s);
    }
  }
  return [...out];
}

/** Document frequency of each content character (as `prepareText` sees it) over the sentences. */
export function countCharIdf(sentences: readonly string[]): CharIdfTable {
  const df = new Map<string, number>();
  for (const s of sentences)
    for (const c of new Set(contentChars(matchForm(s)))) df.set(c, (df.get(c) ?? 0) + 1);
  const n = sentences.length;
  const idf: Record<string, number> = {};
  // Sorted keys: the JSON does not depend on the order the corpus was read in.
  for (const c of [...df.keys()].sort())
    idf[c] = Math.round(Math.log((n + 1) / (df.get(c)! + 1)) * 1e4) / 1e4;
  return { version: 1, documents: n, idf };
}

export type ModelKind = 'logistic' | 'boosted';

export interface FittedDecision {
  model: DenseModel;
  threshold: number;
  balancedAccuracy: number;
}

/** Boosting settings of the shipped model (chosen on validate-duplicate.ts's split). */
export const BOOST_OPTIONS = { trees: 150, depth: 3, rate: 0.1, bins: 32, minLeaf: 50 } as const;

/** The threshold (0.20 … 0.80 in steps of 0.01) of best balanced accuracy, i.e. for a 50 % prior. */
function balancedThreshold(probs: readonly number[], y: readonly number[]) {
  const pos = y.filter((v) => v === 1).length;
  const neg = y.length - pos;
  let best = { threshold: 0.5, balancedAccuracy: 0 };
  for (let step = 20; step <= 80; step++) {
    const t = step / 100;
    let tp = 0;
    let tn = 0;
    for (let i = 0; i < y.length; i++) {
      if (probs[i]! >= t && y[i] === 1) tp++;
      if (probs[i]! < t && y[i] === 0) tn++;
    }
    const ba = (tp / pos + tn / neg) / 2;
    if (ba > best.balancedAccuracy) best = { threshold: t, balancedAccuracy: ba };
  }
  return best;
}

/** Weights that give each class half of `total`. */
function classBalanced(y: readonly number[], total: number): number[] {
  const pos = y.filter((v) => v === 1).length;
  const neg = y.length - pos;
  return y.map((v) => (v === 1 ? total / (2 * pos) : total / (2 * neg)));
}

/**
 * Fits a class-balanced model to feature vectors and picks the threshold that maximises
 * balanced accuracy on the same pairs (a threshold for a 50 % prior, whatever the training mix).
 */
export function fitDecision(X: number[][], y: number[], kind: ModelKind): FittedDecision {
  const sampleWeight = classBalanced(y, y.length);
  const model =
    kind === 'logistic'
      ? trainLogistic(X, y, { sampleWeight, epochs: 300, l2: 1e-3 })
      : trainBoosted(X, y, { ...BOOST_OPTIONS, sampleWeight });
  return {
    model,
    ...balancedThreshold(
      X.map((x) => sigmoid(denseScore(model, x))),
      y,
    ),
  };
}

/** Feature vectors and labels of one source of training pairs. */
export interface PairSource {
  X: number[][];
  y: number[];
}

/**
 * The shipped recipe. Two sources weigh the same in total, each balanced by class within: the
 * general pairs (AFQMC, ChineseSTS: customer-service questions and sentences of every kind) and
 * the LCQMC-kind pairs (questions people ask in their own words, the kind `text pairs` is judged
 * on). Without equal weight the 51,000 general pairs drown the 8,800 question pairs. The pair
 * threshold is the best balanced accuracy on the question pairs.
 */
export function fitRecipe(general: PairSource, questions: PairSource): FittedDecision {
  const X = [...general.X, ...questions.X];
  const y = [...general.y, ...questions.y];
  const half = X.length / 2;
  const sampleWeight = [...classBalanced(general.y, half), ...classBalanced(questions.y, half)];
  const model = trainBoosted(X, y, { ...BOOST_OPTIONS, sampleWeight });
  return {
    model,
    ...balancedThreshold(
      questions.X.map((x) => sigmoid(denseScore(model, x))),
      questions.y,
    ),
  };
}

/**
 * A model fitted to several sources of pairs, each source the same total weight and balanced by
 * class within: no source drowns the others, whatever its size, and the scores read as for a
 * 50 % prior.
 */
export function fitSources(sources: readonly PairSource[]): DenseModel {
  const total = sources.reduce((n, s) => n + s.y.length, 0);
  const share = total / sources.length;
  return trainBoosted(
    sources.flatMap((s) => s.X),
    sources.flatMap((s) => s.y),
    { ...BOOST_OPTIONS, sampleWeight: sources.flatMap((s) => classBalanced(s.y, share)) },
  );
}

/**
 * Scores of each source's pairs by models that never saw them: each source cut in `parts` parts
 * that share no sentence (partsBySentence), each part scored by the model fitted on the other
 * parts of every source. A threshold read off these scores is the one the model's scores on
 * unseen pairs call for; read off the fitted pairs themselves, it follows the model's overfit.
 */
export function outOfFoldScores(
  sources: readonly PairSource[],
  partsOf: readonly (readonly number[])[],
  parts = 3,
): number[][] {
  const out = sources.map((s) => new Array<number>(s.y.length).fill(0));
  for (let k = 0; k < parts; k++) {
    const keep = (j: number) => partsOf[j]!.map((p, i) => (p !== k ? i : -1)).filter((i) => i >= 0);
    const model = fitSources(
      sources.map((s, j) => {
        const idx = keep(j);
        return { X: idx.map((i) => s.X[i]!), y: idx.map((i) => s.y[i]!) };
      }),
    );
    sources.forEach((s, j) => {
      partsOf[j]!.forEach((p, i) => {
        if (p === k) out[j]![i] = sigmoid(denseScore(model, s.X[i]!));
      });
    });
  }
  return out;
}

/**
 * The shipped pair threshold for fitRecipe's model: the rule PAIR_RULE (chosen by leaving one data
 * set out, lodo-duplicate.ts) over scores of pairs the model did not see (3 parts sharing no
 * sentence, outOfFoldScores), each source counted alike: AFQMC (the first `afqmcCount` general
 * pairs), ChineseSTS (the rest of them) and the question pairs. Also the threshold each other
 * rule would give, for the record.
 */
export function ruleThreshold(
  general: PairSource & { pairs: readonly Pair[]; afqmcCount: number },
  questions: PairSource & { pairs: readonly Pair[] },
) {
  const oof = outOfFoldScores(
    [general, questions],
    [partsBySentence(general.pairs, 3), partsBySentence(questions.pairs, 3)],
  );
  const n = general.afqmcCount;
  const bySource = [
    { scores: oof[0]!.slice(0, n), y: general.y.slice(0, n) },
    { scores: oof[0]!.slice(n), y: general.y.slice(n) },
    { scores: oof[1]!, y: questions.y },
  ];
  const byRule = Object.fromEntries(
    (Object.keys(RULES) as RuleName[]).map((r) => [r, pickThreshold(bySource, r).threshold]),
  );
  return { ...pickThreshold(bySource, PAIR_RULE), byRule };
}

export type { Pair };
