/**
 * The duplicate decision on an outside set of question pairs: the LCQMC test split
 * (`bench/data/outside/lcqmc_test.csv`, 12,500 pairs). Neither the model, its features' IDF, nor
 * any weight, rule or threshold was chosen with these pairs: they were added after the shipped
 * model was fixed, and this script only scores them. Keep it that way: a choice made while looking
 * at this file would turn it into one more development set.
 *
 * Scores exactly what `qianxing text pairs` answers (`judgeDuplicate`, the pair bar), with a 95 %
 * bootstrap interval, and the issue's lexical baseline (jieba TF-IDF cosine, its threshold tuned on
 * LCQMC dev) in the same run. Also reports how many outside pairs share a sentence with the
 * training files, and the figures without them.
 *
 *   npx tsx --conditions=source bench/text/outside-duplicate.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../../packages/core/src/random/index.js';
import { DUPLICATE_MODEL, judgeDuplicate } from '../../packages/core/src/text/duplicate.js';
import { prepareText } from '../../packages/core/src/text/index.js';
import { matchForm } from '../../packages/core/src/text/normalize.js';
import { binaryScores, dataDir, outDir, type Pair, readCsv, readPairs, readSts, repoRoot } from './data.js';
import { auc } from './duplicate-rules.js';

const outsideFile = join(dataDir, 'outside', 'lcqmc_test.csv');
const outside: Pair[] = readCsv(outsideFile).map((r) => ({
  a: r.sentence1 ?? '',
  b: r.sentence2 ?? '',
  label: Number(r.label),
}));
const round3 = (x: number) => Math.round(x * 1000) / 1000;

const verdicts = outside.map((p) => judgeDuplicate(prepareText(p.a), prepareText(p.b)));

/** F1, precision, recall, accuracy and AUC of the pairs at `rows`, with 95 % bootstrap intervals. */
function evaluate(rows: readonly number[]) {
  const pred = rows.map((i) => (verdicts[i]!.duplicate ? 1 : 0));
  const gold = rows.map((i) => outside[i]!.label);
  const s = binaryScores(pred, gold);
  const rand = seededRandom(11);
  const f1s: number[] = [];
  const accs: number[] = [];
  for (let b = 0; b < 2000; b++) {
    const idx = rows.map(() => Math.floor(rand() * rows.length));
    const bs = binaryScores(
      idx.map((k) => pred[k]!),
      idx.map((k) => gold[k]!),
    );
    f1s.push(bs.f1);
    accs.push(bs.accuracy);
  }
  f1s.sort((x, y) => x - y);
  accs.sort((x, y) => x - y);
  return {
    pairs: rows.length,
    positive: gold.filter((g) => g === 1).length,
    f1: round3(s.f1),
    f1Interval95: [round3(f1s[50]!), round3(f1s[1949]!)],
    precision: round3(s.precision),
    recall: round3(s.recall),
    accuracy: round3(s.accuracy),
    accuracyInterval95: [round3(accs[50]!), round3(accs[1949]!)],
    auc: round3(
      auc(
        rows.map((i) => verdicts[i]!.similarity),
        gold,
      ),
    ),
  };
}

// Sentences the model was fitted on (compared in match form, as the features see them).
const seen = new Set<string>();
for (const p of [
  ...readPairs('lcqmc_dev.csv'),
  ...readPairs('afqmc_train.csv'),
  ...readPairs('afqmc_dev.csv'),
  ...readSts(4),
]) {
  seen.add(matchForm(p.a));
  seen.add(matchForm(p.b));
}
const all = outside.map((_, i) => i);
const unseen = all.filter((i) => !seen.has(matchForm(outside[i]!.a)) && !seen.has(matchForm(outside[i]!.b)));

let baseline: unknown;
try {
  const out = execFileSync(
    '/usr/bin/python3',
    [join(repoRoot, 'bench', 'text', 'pairs_baseline.py'), join(dataDir, 'pairs'), '--outside', outsideFile],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  baseline = JSON.parse(out.split('RESULT_JSON ')[1]!);
} catch (error) {
  // Without Debian's python3-jieba and python3-sklearn the decision's own figures still stand.
  baseline = { error: String((error as { stderr?: string }).stderr ?? error).slice(0, 300) };
}

const result = {
  protocol:
    'LCQMC test split, scored once by the shipped pair decision (`qianxing text pairs`); ' +
    'no model, weight, rule or threshold was chosen with it. Baseline: jieba TF-IDF cosine, ' +
    'threshold by best F1 on LCQMC dev (and, as its upper bound, on the scored file itself).',
  pairThreshold: DUPLICATE_MODEL.threshold,
  decision: evaluate(all),
  decisionOnPairsWithNoSeenSentence: evaluate(unseen),
  baseline,
};
console.log(JSON.stringify(result, null, 1));
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'outside-duplicate.json'), `${JSON.stringify(result, null, 1)}\n`);
