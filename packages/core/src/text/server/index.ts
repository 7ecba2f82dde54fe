/**
 * Server-only text functions: word segmentation with jieba (a native module). Browser-safe
 * code never imports this file; import it as `@qianxing/core/text/server`.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
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

/** Loads jieba's dictionary now (about 0.2 s) rather than on the first call. */
export function warmUpSegmenter(): void {
  instance();
}
