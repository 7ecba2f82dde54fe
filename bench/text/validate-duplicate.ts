/**
 * Chooses the near-duplicate model without LCQMC: trains each candidate on AFQMC train and half
 * of ChineseSTS (split by the first sentence's id, so that no sentence group is on both sides),
 * and scores it on AFQMC dev and on the other half of ChineseSTS (also on the pairs of that half
 * that share a character bigram, the kind of pair the index hands to the decision).
 * Uses the committed char-idf.json.
 *
 *   npx tsx bench/text/validate-duplicate.ts
 */

import { denseScore, sigmoid } from '../../packages/core/src/text/dense-models.js';
import { hashString } from '../../packages/core/src/text/hash.js';
import { PAIR_FEATURE_NAMES, pairFeatures, prepareText } from '../../packages/core/src/text/pair-features.js';
import { binaryScores, type Pair, readPairs, readSts } from './data.js';
import { fitDecision, type ModelKind } from './duplicate-training.js';

const inHalfA = (p: Pair) => hashString(p.group ?? '') % 2 === 0;
const sts = readSts(4);
const train = [...readPairs('afqmc_train.csv'), ...sts.filter(inHalfA)];
const stsB = sts.filter((p) => !inHalfA(p));
const tests = { afqmcDev: readPairs('afqmc_dev.csv'), stsHalfB: stsB };
const features = (pairs: Pair[]) => pairs.map((p) => pairFeatures(prepareText(p.a), prepareText(p.b)));
const Xtrain = features(train);
const ytrain = train.map((p) => p.label);
const Xtests = Object.fromEntries(Object.entries(tests).map(([k, v]) => [k, features(v)]));
const sharesBigram = PAIR_FEATURE_NAMES.indexOf('bigramJaccard');
const baseCount = PAIR_FEATURE_NAMES.indexOf('logMinLength') + 1;

const fmt = (s: ReturnType<typeof binaryScores>) =>
  `F1 ${s.f1.toFixed(3)} P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} acc ${s.accuracy.toFixed(3)}`;
const candidates: Array<{ name: string; kind: ModelKind; width: number }> = [
  { name: `logistic, ${baseCount} features (previous model)`, kind: 'logistic', width: baseCount },
  {
    name: `logistic, ${PAIR_FEATURE_NAMES.length} features`,
    kind: 'logistic',
    width: PAIR_FEATURE_NAMES.length,
  },
  { name: `boosted, ${baseCount} features`, kind: 'boosted', width: baseCount },
  {
    name: `boosted, ${PAIR_FEATURE_NAMES.length} features`,
    kind: 'boosted',
    width: PAIR_FEATURE_NAMES.length,
  },
];
for (const c of candidates) {
  const cut = (X: number[][]) => X.map((x) => x.slice(0, c.width));
  const fitted = fitDecision(cut(Xtrain), ytrain, c.kind);
  const lines = [`${c.name}: threshold ${fitted.threshold}`];
  for (const [name, pairs] of Object.entries(tests)) {
    const X = Xtests[name]!;
    const pred = cut(X).map((x) => (sigmoid(denseScore(fitted.model, x)) >= fitted.threshold ? 1 : 0));
    const gold = pairs.map((p) => p.label);
    lines.push(`  ${name} (${pairs.length}): ${fmt(binaryScores(pred, gold))}`);
    const hard = X.map((x, i) => (x[sharesBigram]! > 0 ? i : -1)).filter((i) => i >= 0);
    if (name === 'stsHalfB')
      lines.push(
        `  ${name}, sharing a bigram (${hard.length}): ${fmt(
          binaryScores(
            hard.map((i) => pred[i]!),
            hard.map((i) => gold[i]!),
          ),
        )}`,
      );
  }
  console.log(lines.join('\n'));
}
