/**
 * Trains the near-duplicate decision: writes packages/core/src/text/char-idf.json (character
 * IDF over the unlabelled corpus) and then packages/core/src/text/duplicate-model.json.
 *
 *   npx tsx bench/text/train-duplicate.ts
 *
 * Training data (fitRecipe): AFQMC train + dev and ChineseSTS (score >= 4 counts as "same") as one
 * source, LCQMC dev as the other, equal in total weight and class-balanced within; gradient-boosted
 * depth-3 trees over the pair features (the choice of validate-duplicate.ts). The benchmark never
 * reports this model on LCQMC: it reports models fitted without the pairs they are scored on
 * (run.ts). The character IDF reads no LCQMC sentence.
 * Two thresholds on the one probability: for pairs given as pairs, the rule chosen by leaving one
 * data set out (lodo-duplicate.ts: the best mean of F1 and accuracy, averaged over AFQMC,
 * ChineseSTS and LCQMC, on out-of-fold scores; ruleThreshold); for the candidates an index offers among short suggestions,
 * one calibrated on suggestion-like candidate pairs (calibrate-duplicate.ts), because the pair
 * threshold flags almost every candidate the index offers for short suggestions, which is useless
 * to a screener.
 * Deterministic: the same data gives the same JSON, byte for byte.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BoostedModel, TreeNode } from '../../packages/core/src/text/dense-models.js';
import { calibrateThreshold } from './calibrate-duplicate.js';
import { type Pair, readPairs, readSts, repoRoot } from './data.js';
import { PAIR_RULE } from './duplicate-rules.js';
import {
  BOOST_OPTIONS,
  countCharIdf,
  fitRecipe,
  ruleThreshold,
  unlabelledSentences,
} from './duplicate-training.js';

const t0 = performance.now();
const textDir = join(repoRoot, 'packages', 'core', 'src', 'text');
const biome = join(repoRoot, 'node_modules', '.bin', 'biome');
// In the repository's JSON style, so that a rerun reproduces the committed files byte for byte.
const writeJson = (path: string, value: unknown) => {
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
  execFileSync(biome, ['format', '--write', path], { stdio: 'ignore' });
};

const sentences = unlabelledSentences();
const idf = countCharIdf(sentences);
writeJson(join(textDir, 'char-idf.json'), idf);
// Imported only now, so that the features read the IDF just written.
const { PAIR_FEATURE_NAMES, pairFeatures, prepareText } = await import(
  '../../packages/core/src/text/pair-features.js'
);

const source = (pairs: Pair[]) => ({
  pairs,
  X: pairs.map((p) => pairFeatures(prepareText(p.a), prepareText(p.b))),
  y: pairs.map((p) => p.label),
});
const afqmc = [...readPairs('afqmc_train.csv'), ...readPairs('afqmc_dev.csv')];
const general = { ...source([...afqmc, ...readSts(4)]), afqmcCount: afqmc.length };
const questions = source(readPairs('lcqmc_dev.csv'));
const count = (y: number[]) => `${y.length} pairs, ${y.filter((v) => v === 1).length} positive`;
const fitted = fitRecipe(general, questions);
const pairThreshold = ruleThreshold(general, questions);
console.log(`thresholds by rule: ${JSON.stringify(pairThreshold.byRule)}`);

const round = (v: number) => Math.round(v * 1e6) / 1e6;
const roundTree = (t: TreeNode | number): TreeNode | number =>
  typeof t === 'number'
    ? round(t)
    : { feature: t.feature, split: round(t.split), left: roundTree(t.left), right: roundTree(t.right) };
const boosted = fitted.model as BoostedModel;
const model = { kind: 'boosted' as const, base: round(boosted.base), trees: boosted.trees.map(roundTree) };
const calibration = calibrateThreshold({
  version: 1,
  features: [...PAIR_FEATURE_NAMES],
  model,
  threshold: pairThreshold.threshold,
  candidateThreshold: pairThreshold.threshold,
  trainedOn: '',
});
const out = join(textDir, 'duplicate-model.json');
writeJson(out, {
  version: 1,
  features: [...PAIR_FEATURE_NAMES],
  model,
  threshold: pairThreshold.threshold,
  candidateThreshold: calibration.threshold,
  trainedOn:
    `AFQMC train+dev and ChineseSTS (score>=4): ${count(general.y)}; LCQMC dev: ${count(questions.y)}; ` +
    'the two sources equal in total weight, class-balanced within; ' +
    `boosted trees ${JSON.stringify(BOOST_OPTIONS)}; char IDF over ${idf.documents} unlabelled sentences; ` +
    `pair threshold by the rule ${PAIR_RULE} (mean over AFQMC, ChineseSTS and LCQMC) on out-of-fold scores; candidate threshold calibrated on ${calibration.pairs} candidate pairs of synthetic suggestions (F1 ${calibration.f1.toFixed(3)})`,
});
console.log(
  `wrote ${out}: pair threshold ${pairThreshold.threshold} (${PAIR_RULE} ${pairThreshold.value.toFixed(3)} on out-of-fold scores); ` +
    `candidate threshold ${calibration.threshold} (F1 ${calibration.f1.toFixed(3)}, precision ${calibration.precision.toFixed(3)}, ` +
    `recall ${calibration.recall.toFixed(3)} on suggestion candidates), ` +
    `char IDF over ${idf.documents} sentences, ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);
