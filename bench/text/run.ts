/**
 * Text benchmarks: Qianxing against the Python baseline (../shared/bench/py_baseline.py,
 * /usr/bin/python3) on the same data in the same run. Prints a table and writes
 * bench/out/text-results.json.
 *
 *   npx tsx bench/text/run.ts [classify|pairs|group|lookup ...]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { denseScore, sigmoid } from '../../packages/core/src/text/dense-models.js';
import {
  builtInDescriptions,
  judgeDuplicate,
  MESSAGE_CLASSIFIER_OPTIONS,
  prepareText,
  trainClassifier,
} from '../../packages/core/src/text/index.js';
import { pairFeatures } from '../../packages/core/src/text/pair-features.js';
import { segmentServer } from '../../packages/core/src/text/server/index.js';
import {
  binaryScores,
  dataDir,
  outDir,
  type Pair,
  partsBySentence,
  readCsv,
  readPairs,
  readSts,
  repoRoot,
  sharedDir,
} from './data.js';
import { auc } from './duplicate-rules.js';
import { type FittedDecision, fitDecision, fitRecipe, ruleThreshold } from './duplicate-training.js';
import { macroF1, stratifiedFolds } from './metrics.js';

const tasks = new Set(
  process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['classify', 'pairs', 'group', 'lookup'],
);
const results: Record<string, unknown> = {};
mkdirSync(outDir, { recursive: true });
const secs = (t0: number) => Math.round((performance.now() - t0) / 10) / 100;

/** Runs a Python baseline (by default ../shared/bench/py_baseline.py) and reads its RESULT_JSON line. */
function baseline(
  args: string[],
  script = join(sharedDir, 'bench', 'py_baseline.py'),
): Record<string, unknown> {
  let out: string;
  try {
    out = execFileSync('/usr/bin/python3', [script, ...args], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    // Without the baseline's Python modules (jieba, scikit-learn) Qianxing's figures still stand.
    return {
      error: String((error as { stderr?: string }).stderr ?? error)
        .trim()
        .split('\n')
        .at(-1),
    };
  }
  const line = out.split('\n').find((l) => l.startsWith('RESULT_JSON '));
  return line ? JSON.parse(line.slice('RESULT_JSON '.length)) : {};
}

if (tasks.has('classify')) {
  const rows = readCsv(join(dataDir, 'messages', 'messages_labeled_public.csv'));
  // Title and body as one text, exactly as `qianxing text classify` would receive them.
  const ex = rows.map((r) => ({ text: `${r.title} ${r.body}`, label: r.label! }));
  // The same built-in taxonomy descriptions that `qianxing text classify` adds by default.
  const descriptions = builtInDescriptions(ex.map((e) => e.label));
  const folds = stratifiedFolds(
    ex.map((e) => e.label),
    5,
  );
  const run = (withDescriptions: boolean) => {
    const t0 = performance.now();
    const f1s: number[] = [];
    let conf = 0;
    let correct = 0;
    let trainSeconds = 0;
    for (let f = 0; f < 5; f++) {
      const tr = ex.filter((_, i) => folds[i] !== f);
      const te = ex.filter((_, i) => folds[i] === f);
      const t1 = performance.now();
      const m = trainClassifier(tr, {
        ...MESSAGE_CLASSIFIER_OPTIONS,
        ...(withDescriptions ? { descriptions } : {}),
        tokenizer: segmentServer,
      });
      trainSeconds += secs(t1);
      const p = te.map((e) => m.predict(e.text));
      f1s.push(
        macroF1(
          p.map((x) => x.label),
          te.map((e) => e.label),
        ),
      );
      p.forEach((x, i) => {
        conf += x.confidence;
        if (x.label === te[i]!.label) correct++;
      });
    }
    return {
      macroF1: f1s.reduce((a, b) => a + b) / 5,
      accuracy: correct / ex.length,
      meanConfidence: conf / ex.length,
      seconds: secs(t0),
      trainSecondsPerFold: trainSeconds / 5,
    };
  };
  // Python's text column: title + body as one field.
  const csv = join(outDir, 'messages_text.csv');
  writeFileSync(
    csv,
    `text,label\n${rows.map((r) => `"${`${r.title} ${r.body}`.replace(/"/g, '""')}",${r.label}`).join('\n')}\n`,
  );
  const t0 = performance.now();
  const py = baseline([csv, '--mode', 'classify']);
  results.classify = {
    protocol:
      '5-fold stratified CV on messages_labeled_public.csv (311), title + body, with the settings of ' +
      'text classify; those were chosen on two thirds of these messages, so this is not a held-out ' +
      'figure (that is classify-select.ts)',
    qianxing: run(false),
    qianxingWithLabelDescriptions: run(true),
    baseline: { ...(py.classify as object), wallSeconds: secs(t0) },
  };
  // Retraining time on a few thousand examples (synthetic suggestions).
  const synth = readCsv(join(dataDir, 'synthetic', 'synth_20k.csv')).slice(0, 3000);
  const t1 = performance.now();
  trainClassifier(synth.map((r) => ({ text: r.text!, label: r.label! })));
  (results.classify as Record<string, unknown>).retrain3000Seconds = secs(t1);
  console.log('classify', JSON.stringify(results.classify, null, 1));
}

if (tasks.has('pairs')) {
  const lc = readPairs('lcqmc_dev.csv');
  const gold = lc.map((p) => p.label);
  const t0 = performance.now();
  const features = (pairs: Pair[]) => pairs.map((p) => pairFeatures(prepareText(p.a), prepareText(p.b)));
  const afqmc = [...readPairs('afqmc_train.csv'), ...readPairs('afqmc_dev.csv')];
  const general = [...afqmc, ...readSts(4)];
  const Xg = features(general);
  const yg = general.map((p) => p.label);
  const Xl = features(lc);
  const verdict = (fitted: FittedDecision, x: number[]) =>
    sigmoid(denseScore(fitted.model, x)) >= fitted.threshold ? 1 : 0;
  // The issue's rule: learned from AFQMC and ChineseSTS only, scored on every LCQMC dev pair.
  const strict = fitDecision(Xg, yg, 'boosted');
  const strictScores = binaryScores(
    Xl.map((x) => verdict(strict, x)),
    gold,
  );
  // The shipped recipe on pairs it has not seen: LCQMC dev in two parts that share no sentence;
  // each part is scored by the recipe fitted on the general pairs and the other part.
  // Its pair threshold follows the shipped rule (ruleThreshold), read on the training pairs only.
  const part = partsBySentence(lc, 2);
  const heldOut = new Array<number>(lc.length);
  const heldOutScores = new Array<number>(lc.length);
  const halfThresholds: number[] = [];
  for (const k of [0, 1]) {
    const train = lc.flatMap((_, i) => (part[i] !== k ? [i] : []));
    const questions = {
      pairs: train.map((i) => lc[i]!),
      X: train.map((i) => Xl[i]!),
      y: train.map((i) => gold[i]!),
    };
    const fitted = fitRecipe({ X: Xg, y: yg }, questions);
    const { threshold } = ruleThreshold(
      { pairs: general, X: Xg, y: yg, afqmcCount: afqmc.length },
      questions,
    );
    halfThresholds.push(threshold);
    lc.forEach((_, i) => {
      if (part[i] !== k) return;
      heldOutScores[i] = sigmoid(denseScore(fitted.model, Xl[i]!));
      heldOut[i] = verdict({ ...fitted, threshold }, Xl[i]!);
    });
  }
  const fitSeconds = secs(t0);
  // Speed of the shipped decision itself (prepared texts, features, trees).
  const t1 = performance.now();
  for (const p of lc) judgeDuplicate(prepareText(p.a), prepareText(p.b));
  const judgeSeconds = (performance.now() - t1) / 1000;
  results.pairs = {
    protocol:
      'LCQMC dev (8,802 pairs). learnedWithoutLcqmc: model and threshold from AFQMC + ChineseSTS only. ' +
      'shippedRecipeHeldOut: the shipped recipe (general pairs + LCQMC-kind pairs, equal weight, the pair ' +
      'threshold by the shipped rule on out-of-fold scores of the training pairs), each half of LCQMC dev ' +
      '(halves share no sentence) scored by the recipe fitted without that half.',
    learnedWithoutLcqmc: { ...strictScores, threshold: strict.threshold },
    shippedRecipeHeldOut: { ...binaryScores(heldOut, gold), auc: auc(heldOutScores, gold), halfThresholds },
    halves: [0, 1].map((k) => lc.filter((_, i) => part[i] === k).length),
    fitSeconds,
    shippedDecisionPairsPerSecond: Math.round(lc.length / judgeSeconds),
    // The issue's lexical baseline (jieba TF-IDF cosine), run now by the repository's own script.
    baseline: baseline([join(dataDir, 'pairs')], join(repoRoot, 'bench', 'text', 'pairs_baseline.py')),
  };
  console.log('pairs', JSON.stringify(results.pairs, null, 1));
}

/** Runs a benchmark script of this folder on a file in a child process; returns what it printed. */
function inChild(script: string, file: string, ...flags: string[]): Record<string, unknown> {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', '--conditions=source', join(repoRoot, 'bench', 'text', script), file, ...flags],
    { encoding: 'utf8' },
  );
  return JSON.parse(out.trim().split('\n').pop()!);
}

if (tasks.has('group')) {
  const file = join(dataDir, 'synthetic', 'synth_20k.csv');
  const py: Record<string, unknown> = {};
  for (const thr of [0.7, 0.8, 0.9]) {
    const t2 = performance.now();
    const r = baseline([file, '--mode', 'dedup', '--threshold', String(thr)]);
    py[`cos>=${thr}`] = { ...(r.dedup as object), wallSeconds: secs(t2) };
  }
  const big = join(outDir, 'synth_100k.csv');
  if (!existsSync(big))
    execFileSync('/usr/bin/python3', [join(sharedDir, 'bench', 'gen_synth.py'), big, '--n', '100000']);
  results.group = {
    synth20k: inChild('group-file.ts', file, '--warm-up', '--truth'),
    baseline20k: py,
    synth100k: inChild('group-file.ts', big),
  };
  console.log('group', JSON.stringify(results.group, null, 1));
}

if (tasks.has('lookup')) {
  const big = join(outDir, 'synth_100k.csv');
  if (!existsSync(big))
    execFileSync('/usr/bin/python3', [join(sharedDir, 'bench', 'gen_synth.py'), big, '--n', '100000']);
  results.lookup = inChild('lookup-file.ts', big);
  console.log('lookup', JSON.stringify(results.lookup, null, 1));
}

writeFileSync(join(outDir, 'text-results.json'), `${JSON.stringify(results, null, 1)}\n`);
