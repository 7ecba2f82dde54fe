import { normalizeText } from './normalize.js';
import { STOP_WORDS } from './stopwords.js';
import { charNgrams, segmentBrowser, type Tokenizer } from './tokenize.js';

export interface FeatureOptions {
  /** Character n-gram lengths (default [1, 2]). */
  charNgrams?: number[];
  /** Add word unigrams ("w:" prefix) and word bigrams ("b:" prefix) from the tokenizer (default false). */
  words?: boolean;
  /** Word tokenizer (default the browser-safe segmenter; the server passes jieba's). */
  tokenizer?: Tokenizer;
}

/**
 * The terms of a text for TF-IDF: character n-grams of the normalised text (robust to
 * segmentation errors and unknown names) plus word unigrams and bigrams without stop words.
 */
export function textTerms(text: string, options: FeatureOptions = {}): string[] {
  const form = normalizeText(text, { punctuation: 'space', digits: 'mask' });
  const out: string[] = [];
  for (const n of options.charNgrams ?? [1, 2]) {
    for (const g of charNgrams(form, n)) if (n > 1 || !STOP_WORDS.has(g)) out.push(g);
  }
  if (options.words === true) {
    const words = (options.tokenizer ?? segmentBrowser)(form).filter((w) => !STOP_WORDS.has(w));
    for (let i = 0; i < words.length; i++) {
      out.push(`w:${words[i]}`);
      if (i + 1 < words.length) out.push(`b:${words[i]}_${words[i + 1]}`);
    }
  }
  return out;
}

/** A sparse vector: parallel arrays of feature indices (ascending) and values. */
export interface SparseVector {
  idx: Int32Array;
  val: Float32Array;
}

/** Term counts → sublinear TF × IDF, L2-normalised, over a fixed vocabulary (unknown terms dropped). */
export function tfidfVector(
  terms: readonly string[],
  vocab: ReadonlyMap<string, number>,
  idf: ArrayLike<number>,
): SparseVector {
  const counts = new Map<number, number>();
  for (const t of terms) {
    const i = vocab.get(t);
    if (i !== undefined) counts.set(i, (counts.get(i) ?? 0) + 1);
  }
  const idx = Int32Array.from([...counts.keys()].sort((a, b) => a - b));
  const val = new Float32Array(idx.length);
  let norm = 0;
  for (let k = 0; k < idx.length; k++) {
    const v = (1 + Math.log(counts.get(idx[k]!)!)) * idf[idx[k]!]!;
    val[k] = v;
    norm += v * v;
  }
  norm = Math.sqrt(norm) || 1;
  for (let k = 0; k < val.length; k++) val[k]! /= norm;
  return { idx, val };
}

/** Builds a vocabulary and smoothed IDF (ln((1+N)/(1+df)) + 1, as scikit-learn) from tokenised documents. */
export function fitVocabulary(
  docs: readonly string[][],
  minDf = 1,
): { vocab: Map<string, number>; idf: Float64Array } {
  const df = new Map<string, number>();
  for (const terms of docs) for (const t of new Set(terms)) df.set(t, (df.get(t) ?? 0) + 1);
  const vocab = new Map<string, number>();
  const idfList: number[] = [];
  for (const [t, d] of df) {
    if (d < minDf) continue;
    vocab.set(t, vocab.size);
    idfList.push(Math.log((1 + docs.length) / (1 + d)) + 1);
  }
  return { vocab, idf: Float64Array.from(idfList) };
}
