import { CHAR_IDF_FEATURE_NAMES, charIdfFeatures } from './char-idf.js';
import {
  type CodeSet,
  codeSetOf,
  sortedJaccard,
  sortedMissingWeight,
  sortedOverlap,
  sortedUnique,
} from './code-sets.js';
import { hashString } from './hash.js';
import { matchForm } from './normalize.js';
import { NEGATIONS, QUESTION_WORDS } from './stopwords.js';
import { alignment, overlap } from './strings.js';
import { contentChars, segmentBrowser } from './tokenize.js';

/** Longest text (in characters) the quadratic measures look at; the rest is ignored by them. */
export const MAX_QUADRATIC_CHARS = 200;

/**
 * A text prepared once for pair comparison (browser-safe: words from `segmentBrowser`). Sets are
 * sorted typed arrays (see code-sets.ts): about 1 kB a text, so a server keeps them all.
 */
export interface PreparedText {
  /** The content characters, joined. */
  content: string;
  /** Number of content characters (code points). */
  length: number;
  /** Code points of the first {@link MAX_QUADRATIC_CHARS} content characters. */
  codes: Int32Array;
  chars: CodeSet;
  /** Distinct character bigrams, as code point pairs (first × 0x110000 + second), sorted. */
  bigrams: Float64Array;
  /** Distinct words, hashed, sorted; the lowest bit is 1 for a word of two or more units. */
  words: Uint32Array;
  numbers: Set<string>;
  negations: number;
  questions: Set<string>;
}

const wordCode = (w: string) => ((hashString(w) & ~1) | (w.length >= 2 ? 1 : 0)) >>> 0;
/** A missing longer word says more than a missing single character. */
const wordWeight = (code: number) => (code & 1 ? 1 : 0.5);

/** Normalises and cuts a text into everything {@link pairFeatures} needs. */
export function prepareText(text: string): PreparedText {
  const form = matchForm(text);
  const chars = contentChars(form);
  const codes = Int32Array.from(chars, (c) => c.codePointAt(0)!);
  const bigrams = new Float64Array(Math.max(0, codes.length - 1));
  for (let i = 0; i + 1 < codes.length; i++) bigrams[i] = codes[i]! * 0x110000 + codes[i + 1]!;
  let negations = 0;
  for (const c of chars) if (NEGATIONS.includes(c)) negations++;
  const questions = new Set<string>();
  for (const q of QUESTION_WORDS) if (form.includes(q)) questions.add(q);
  return {
    content: chars.join(''),
    length: chars.length,
    codes: codes.slice(0, MAX_QUADRATIC_CHARS),
    chars: codeSetOf(chars),
    bigrams: sortedUnique(bigrams),
    words: sortedUnique(Uint32Array.from(segmentBrowser(form), wordCode)),
    numbers: new Set(form.match(/\d+(?:\.\d+)?/g) ?? []),
    negations,
    questions,
  };
}

/** True when two prepared texts have the same content characters in the same order. */
export function isSameText(a: PreparedText, b: PreparedText): boolean {
  return a.content === b.content;
}

function sameSet<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  return a.size === b.size && overlap(a, b) === a.size;
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
  const aFirst = a.length !== b.length ? a.length < b.length : a.content <= b.content;
  const [s, l] = aFirst ? [a, b] : [b, a];
  const ls = s.length;
  const ll = l.length;
  const charsA = a.chars.sorted;
  const charsB = b.chars.sorted;
  const charInter = sortedOverlap(charsA, charsB);
  const bigramInter = sortedOverlap(a.bigrams, b.bigrams);
  const minCharSet = Math.max(1, Math.min(charsA.length, charsB.length));
  const maxCharSet = Math.max(1, charsA.length, charsB.length);
  const qMax = Math.max(1, s.codes.length, l.codes.length);
  const qMin = Math.max(1, Math.min(s.codes.length, l.codes.length));
  const { edit, ...runs } = alignment(s.codes, l.codes);
  const wordInter = sortedOverlap(a.words, b.words);
  const minWords = Math.max(1, Math.min(a.words.length, b.words.length));
  const identical = isSameText(a, b) ? 1 : 0;
  return [
    sortedJaccard(charsA, charsB),
    charInter / minCharSet,
    charInter / maxCharSet,
    sortedJaccard(a.bigrams, b.bigrams),
    bigramInter / Math.max(1, Math.min(a.bigrams.length, b.bigrams.length)),
    ll === 0 ? 1 : ls / ll,
    Math.log1p(ll - ls),
    1 - edit / qMax,
    runs.subsequence / qMin,
    runs.subsequence / qMax,
    runs.substring / qMin,
    runs.substring / qMax,
    sortedJaccard(a.words, b.words),
    wordInter / minWords,
    Math.log1p(sortedMissingWeight(s.words, l.words, wordWeight)),
    Math.log1p(sortedMissingWeight(l.words, s.words, wordWeight)),
    (a.numbers.size > 0 || b.numbers.size > 0) && !sameSet(a.numbers, b.numbers) ? 1 : 0,
    a.negations % 2 !== b.negations % 2 ? 1 : 0,
    sameSet(a.questions, b.questions) ? 0 : 1,
    identical,
    Math.log1p(ls),
    // In the pair's order too: its sums of weights, added in the other order, can differ in the
    // last bit, and a tree splitting at exactly 1 then answered differently for (b, a).
    ...charIdfFeatures(s.chars, l.chars),
  ];
}
