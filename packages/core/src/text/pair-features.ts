import { CHAR_IDF_FEATURE_NAMES, charIdfFeatures } from './char-idf.js';
import { matchForm } from './normalize.js';
import { NEGATIONS, QUESTION_WORDS } from './stopwords.js';
import { alignment, jaccard, overlap } from './strings.js';
import { contentChars, segmentBrowser } from './tokenize.js';

/** Longest text (in characters) the quadratic measures look at; the rest is ignored by them. */
export const MAX_QUADRATIC_CHARS = 200;

/** A text prepared once for pair comparison (browser-safe: words from `segmentBrowser`). */
export interface PreparedText {
  chars: string[];
  /** Code points of the first {@link MAX_QUADRATIC_CHARS} content characters. */
  codes: Int32Array;
  charSet: Set<string>;
  bigrams: Set<string>;
  words: string[];
  wordSet: Set<string>;
  numbers: Set<string>;
  negations: number;
  questions: Set<string>;
}

function grams(chars: readonly string[], n: number): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + n <= chars.length; i++) out.add(chars.slice(i, i + n).join(''));
  return out;
}

/** Normalises and cuts a text into everything {@link pairFeatures} needs. */
export function prepareText(text: string): PreparedText {
  const form = matchForm(text);
  const chars = contentChars(form);
  const words = segmentBrowser(form);
  const wordSet = new Set(words);
  let negations = 0;
  for (const c of chars) if (NEGATIONS.includes(c)) negations++;
  const questions = new Set<string>();
  for (const q of QUESTION_WORDS) if (form.includes(q)) questions.add(q);
  const head = chars.slice(0, MAX_QUADRATIC_CHARS);
  return {
    chars,
    codes: Int32Array.from(head, (c) => c.codePointAt(0)!),
    charSet: new Set(chars),
    bigrams: grams(chars, 2),
    words,
    wordSet,
    numbers: new Set(form.match(/\d+(?:\.\d+)?/g) ?? []),
    negations,
    questions,
  };
}

/** True when two prepared texts have the same content characters in the same order. */
export function isSameText(a: PreparedText, b: PreparedText): boolean {
  if (a.chars.length !== b.chars.length) return false;
  for (let i = 0; i < a.chars.length; i++) if (a.chars[i] !== b.chars[i]) return false;
  return true;
}

function sameSet<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  return a.size === b.size && overlap(a, b) === a.size;
}

/** Words of `a` missing from `b`, counted with weight by length (longer words carry more meaning). */
function missingWeight(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let w = 0;
  for (const x of a) if (!b.has(x)) w += x.length >= 2 ? 1 : 0.5;
  return w;
}

export const PAIR_FEATURE_NAMES = [
  'charJaccard',
  'charContainMin',
  'charContainMax',
  'bigramJaccard',
  'bigramContainMin',
  'lengthRatio',
  'logLengthDiff',
  'editSimilarity',
  'lcsSeqMin',
  'lcsSeqMax',
  'lcsSubMin',
  'lcsSubMax',
  'wordJaccard',
  'wordContainMin',
  'logMissingShort',
  'logMissingLong',
  'numbersDiffer',
  'negationDiffers',
  'questionsDiffer',
  'identical',
  'logMinLength',
  ...CHAR_IDF_FEATURE_NAMES,
] as const;

/**
 * The features of a pair that the near-duplicate decision weighs: character and bigram overlap,
 * length ratio, edit distance, longest common subsequence and substring, word overlap and the
 * words left unmatched, whether numbers, negations or question words differ, and the IDF-weighted
 * character overlap (see char-idf.ts). Symmetric.
 */
export function pairFeatures(a: PreparedText, b: PreparedText): number[] {
  // Order the pair by length, then by text, so that the features do not depend on argument order.
  const aFirst =
    a.chars.length !== b.chars.length
      ? a.chars.length < b.chars.length
      : a.chars.join('') <= b.chars.join('');
  const [s, l] = aFirst ? [a, b] : [b, a];
  const ls = s.chars.length;
  const ll = l.chars.length;
  const charInter = overlap(a.charSet, b.charSet);
  const bigramInter = overlap(a.bigrams, b.bigrams);
  const minCharSet = Math.max(1, Math.min(a.charSet.size, b.charSet.size));
  const maxCharSet = Math.max(1, a.charSet.size, b.charSet.size);
  const qMax = Math.max(1, s.codes.length, l.codes.length);
  const qMin = Math.max(1, Math.min(s.codes.length, l.codes.length));
  const { edit, ...runs } = alignment(s.codes, l.codes);
  const wordInter = overlap(a.wordSet, b.wordSet);
  const minWords = Math.max(1, Math.min(a.wordSet.size, b.wordSet.size));
  const identical = isSameText(a, b) ? 1 : 0;
  return [
    jaccard(a.charSet, b.charSet),
    charInter / minCharSet,
    charInter / maxCharSet,
    jaccard(a.bigrams, b.bigrams),
    bigramInter / Math.max(1, Math.min(a.bigrams.size, b.bigrams.size)),
    ll === 0 ? 1 : ls / ll,
    Math.log1p(ll - ls),
    1 - edit / qMax,
    runs.subsequence / qMin,
    runs.subsequence / qMax,
    runs.substring / qMin,
    runs.substring / qMax,
    jaccard(a.wordSet, b.wordSet),
    wordInter / minWords,
    Math.log1p(missingWeight(s.wordSet, l.wordSet)),
    Math.log1p(missingWeight(l.wordSet, s.wordSet)),
    (a.numbers.size > 0 || b.numbers.size > 0) && !sameSet(a.numbers, b.numbers) ? 1 : 0,
    a.negations % 2 !== b.negations % 2 ? 1 : 0,
    sameSet(a.questions, b.questions) ? 0 : 1,
    identical,
    Math.log1p(ls),
    ...charIdfFeatures(a.charSet, b.charSet),
  ];
}
