/**
 * Server-only text functions: word segmentation with jieba (a native module). Browser-safe
 * code never imports this file; import it as `@qianxing/core/text/server`.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { normalizeText } from '../normalize.js';
import { QIANJIANG_TERMS } from '../terms.js';
import type { Tokenizer } from '../tokenize.js';

let jieba: Jieba | undefined;
const userWords = new Set<string>();

function userDictLines(words: Iterable<string>): string {
  let lines = '';
  for (const w of words) {
    const word = w.trim();
    if (word.length < 2 || /\s/.test(word)) continue;
    // A high frequency makes jieba prefer the whole term to any split of it.
    lines += `${word} 100000 n\n`;
  }
  return lines;
}

function instance(): Jieba {
  if (!jieba) {
    jieba = Jieba.withDict(dict);
    const lines = userDictLines([...QIANJIANG_TERMS, ...userWords]);
    if (lines) jieba.loadDict(Buffer.from(lines));
  }
  return jieba;
}

/** Adds local names and terms that segmentation keeps whole; takes effect at once. */
export function addUserWords(words: Iterable<string>): void {
  const fresh = [...words].map((w) => w.trim()).filter((w) => w.length >= 2 && !userWords.has(w));
  for (const w of fresh) userWords.add(w);
  if (jieba && fresh.length > 0) jieba.loadDict(Buffer.from(userDictLines(fresh)));
}

/** The words added at run time (the built-in terms are in `QIANJIANG_TERMS`). */
export function listUserWords(): string[] {
  return [...userWords];
}

const WORDLIKE_RE = /[\p{Script=Han}\p{L}\p{N}]/u;

/** Cuts a text into words with jieba (HMM on for unknown words); punctuation and spaces dropped. */
export const segmentServer: Tokenizer = (text) =>
  instance()
    .cut(text, true)
    .filter((t) => WORDLIKE_RE.test(t));

/**
 * The words a search indexes, or asks for: the text normalised (traditional → simplified,
 * full-width → half-width, lower case, punctuation → spaces), then cut by jieba's search mode,
 * which also gives the shorter dictionary words inside a long one (停车位 → 停车, 车位, 停车位;
 * 看病难 → 看病, 看病难), so that a query and a text that word a thing differently still share
 * words. Dictionary words only (no HMM): an unknown word becomes its single characters, the same
 * in a query and in any text, where the HMM would cut it by its neighbours (脆红李 alone is
 * 脆红 / 李, after 做强 it is 强脆 / 红 / 李); a search asks for such a run as a phrase. In text
 * order, repeats kept: their positions feed the ranking and the phrases.
 */
export const searchWordsServer: Tokenizer = (text) =>
  instance()
    .cutForSearch(normalizeText(text, { punctuation: 'space' }), false)
    .filter((t) => WORDLIKE_RE.test(t) && !/\s/.test(t));

/** Loads jieba's dictionary now (about 0.2 s) rather than on the first call. */
export function warmUpSegmenter(): void {
  instance();
}
