/** Loading the shared data sets for the text benchmarks and the duplicate-model training. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { hashString } from '../../packages/core/src/text/hash.js';
import { matchForm } from '../../packages/core/src/text/normalize.js';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '..', '..');
/** The Python baseline and the synthetic generator sit beside the repository (../shared/bench), or where QIANXING_SHARED points. */
export const sharedDir = process.env.QIANXING_SHARED ?? resolve(repoRoot, '..', 'shared');
/** The data sets themselves are copied into the repository (see bench/data/SOURCES.md). */
export const dataDir = join(repoRoot, 'bench', 'data');
export const outDir = join(repoRoot, 'bench', 'out');

export function hasSharedData(): boolean {
  return existsSync(join(dataDir, 'pairs', 'lcqmc_dev.csv'));
}

export function readCsv(path: string): Record<string, string>[] {
  return parse(readFileSync(path), { columns: true, bom: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];
}

export interface Pair {
  a: string;
  b: string;
  label: number;
  /** ChineseSTS: id of the first sentence, so that a split keeps its pairs together. */
  group?: string;
}

export function readPairs(file: string): Pair[] {
  return readCsv(join(dataDir, 'pairs', file)).map((r) => ({
    a: r.sentence1 ?? '',
    b: r.sentence2 ?? '',
    label: Number(r.label),
  }));
}

/** ChineseSTS: score 0..5; a score of 4 or 5 counts as "says the same thing". */
export function readSts(minScore = 4): Pair[] {
  const lines = readFileSync(join(dataDir, 'pairs', 'chinese_sts_0to5.tsv'), 'utf8').split('\n');
  const out: Pair[] = [];
  for (const line of lines) {
    const f = line.split('\t');
    if (f.length < 5) continue;
    out.push({ a: f[1]!, b: f[3]!, label: Number(f[4]) >= minScore ? 1 : 0, group: f[0]! });
  }
  return out;
}

/** F1, precision, recall and accuracy of 0/1 predictions. */
export function binaryScores(pred: readonly number[], gold: readonly number[]) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let ok = 0;
  for (let i = 0; i < gold.length; i++) {
    if (pred[i] === 1 && gold[i] === 1) tp++;
    else if (pred[i] === 1) fp++;
    else if (gold[i] === 1) fn++;
    if (pred[i] === gold[i]) ok++;
  }
  const precision = tp / Math.max(1, tp + fp);
  const recall = tp / Math.max(1, tp + fn);
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { f1, precision, recall, accuracy: ok / Math.max(1, gold.length) };
}

/**
 * Which of `parts` parts each pair falls in, such that no sentence is in two parts: pairs that
 * share a sentence (directly or through others) stay together, placed by a hash of the group's
 * first sentence in code-point order. Sentences are compared in their match form (normalised,
 * punctuation and case gone), so that 怎么办？ and 怎么办 count as one. A model fitted on the
 * other parts has then never seen a sentence of the part it is scored on.
 */
export function partsBySentence(pairs: readonly Pair[], parts: number): number[] {
  const parent = new Map<string, string>();
  const root = (s: string): string => {
    let r = s;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(s, r);
    return r;
  };
  const keys = pairs.map((p) => [matchForm(p.a), matchForm(p.b)] as const);
  for (const [a, b] of keys) {
    for (const s of [a, b]) if (!parent.has(s)) parent.set(s, s);
    const [ra, rb] = [root(a), root(b)];
    // The smaller sentence becomes the root, so a group's root is its first sentence.
    if (ra !== rb) ra < rb ? parent.set(rb, ra) : parent.set(ra, rb);
  }
  return keys.map(([a]) => hashString(root(a)) % parts);
}
