/**
 * Chooses the classifier's settings for `qianxing text classify` on the public messages
 * (bench/data/messages/messages_labeled_public.csv, 311 messages, 7 labels, text = title + body)
 * without looking at the messages it is then scored on: a third of each label (stratified,
 * fixed) is held out; each candidate is scored by 5-fold cross-validation on the other two
 * thirds only; the best candidate by mean macro-F1 is trained on those two thirds and scored
 * once on the held-out third, beside the settings it replaces. Every candidate gets the built-in
 * taxonomy descriptions, as the command adds them by default, and jieba as the word segmenter
 * (used by the candidates with word features). The grid: C from 1/16 to 2, class weights none
 * or balanced, character 1–2 or 1–3-grams, with or without jieba word uni- and bigrams.
 *
 *   nice npx tsx --conditions=source bench/text/classify-select.ts
 */
import { join } from 'node:path';
import {
  builtInDescriptions,
  type TrainOptions,
  trainClassifier,
} from '../../packages/core/src/text/index.js';
import { segmentServer } from '../../packages/core/src/text/server/index.js';
import { dataDir, readCsv } from './data.js';
import { macroF1, stratifiedFolds } from './metrics.js';

const rows = readCsv(join(dataDir, 'messages', 'messages_labeled_public.csv'));
const all = rows.map((r) => ({ text: `${r.title} ${r.body}`, label: r.label! }));
const third = stratifiedFolds(
  all.map((e) => e.label),
  3,
);
const train = all.filter((_, i) => third[i] !== 0);
const heldOut = all.filter((_, i) => third[i] === 0);
const descriptions = builtInDescriptions(all.map((e) => e.label));

const score = (options: TrainOptions, tr: typeof all, te: typeof all) => {
  const m = trainClassifier(tr, { ...options, descriptions, tokenizer: segmentServer });
  return macroF1(
    te.map((e) => m.predict(e.text).label),
    te.map((e) => e.label),
  );
};

const candidates: Record<string, TrainOptions> = {};
for (const C of [0.0625, 0.125, 0.25, 0.5, 1, 2])
  for (const classWeight of [undefined, 'balanced'] as const)
    for (const charNgrams of [
      [1, 2],
      [1, 2, 3],
    ])
      for (const words of [false, true])
        candidates[
          `C=${C} ${classWeight ?? 'unweighted'} chars ${charNgrams.join('')}${words ? ' + jieba words' : ''}`
        ] = {
          C,
          ...(classWeight ? { classWeight } : {}),
          features: { charNgrams, words },
        };

const folds = stratifiedFolds(
  train.map((e) => e.label),
  5,
);
const cv: Array<[string, number]> = [];
for (const [name, options] of Object.entries(candidates)) {
  let sum = 0;
  for (let f = 0; f < 5; f++)
    sum += score(
      options,
      train.filter((_, i) => folds[i] !== f),
      train.filter((_, i) => folds[i] === f),
    );
  cv.push([name, sum / 5]);
  console.log(`${name.padEnd(36)} 5-fold CV macro-F1 on the training part ${(sum / 5).toFixed(3)}`);
}
const [bestName] = cv.reduce((a, b) => (b[1] > a[1] ? b : a));
const best = candidates[bestName]!;
const result = {
  split: `${train.length} training messages, ${heldOut.length} held out (stratified thirds, the first third held out)`,
  chosen: bestName,
  chosenCv: cv.find(([n]) => n === bestName)![1],
  heldOutMacroF1: score(best, train, heldOut),
  previousDefaultHeldOutMacroF1: score({}, train, heldOut),
  cv: Object.fromEntries(cv.map(([n, v]) => [n, Math.round(v * 1000) / 1000])),
};
console.log(`RESULT_JSON ${JSON.stringify(result)}`);
