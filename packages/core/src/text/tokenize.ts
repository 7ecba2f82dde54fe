import { QIANJIANG_TERMS } from './terms.js';

/** Cuts a text into tokens (words or characters). Every part of the engine takes one. */
export type Tokenizer = (text: string) => string[];

const WORDLIKE_RE = /[\p{Script=Han}\p{L}\p{N}]/u;

/** Characters of a text that are Han, letters or digits, as an array of code points. */
export function contentChars(text: string): string[] {
  const out: string[] = [];
  for (const ch of text) if (WORDLIKE_RE.test(ch)) out.push(ch);
  return out;
}

/** Character n-grams of the content characters (n ≥ 1); a text shorter than n gives itself. */
export function charNgrams(text: string, n: number): string[] {
  const chars = contentChars(text);
  if (chars.length < n) return chars.length > 0 ? [chars.join('')] : [];
  const out: string[] = [];
  for (let i = 0; i + n <= chars.length; i++) {
    let g = chars[i]!;
    for (let k = 1; k < n; k++) g += chars[i + k]!;
    out.push(g);
  }
  return out;
}

/** Drops tokens that are only punctuation, symbols or white space. */
export function wordTokens(tokens: readonly string[]): string[] {
  return tokens.filter((t) => WORDLIKE_RE.test(t));
}

interface TermTrie {
  next: Map<string, TermTrie>;
  end: boolean;
}

/** A dictionary of terms kept whole, matched longest-first; extendable at run time. */
export class TermDictionary {
  private readonly root: TermTrie = { next: new Map(), end: false };
  private count = 0;

  constructor(words: Iterable<string> = []) {
    this.add(words);
  }

  get size(): number {
    return this.count;
  }

  add(words: Iterable<string>): void {
    for (const w of words) {
      const word = w.trim();
      if (word.length < 2) continue;
      let node = this.root;
      for (const ch of word) {
        let child = node.next.get(ch);
        if (!child) {
          child = { next: new Map(), end: false };
          node.next.set(ch, child);
        }
        node = child;
      }
      if (!node.end) this.count++;
      node.end = true;
    }
  }

  /** Length (in UTF-16 units) of the longest term starting at `pos`, or 0. */
  matchAt(text: string, pos: number): number {
    let node: TermTrie | undefined = this.root;
    let best = 0;
    let i = pos;
    while (node && i < text.length) {
      const cp = text.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      node = node.next.get(ch);
      i += ch.length;
      if (node?.end) best = i - pos;
    }
    return best;
  }

  /** Splits a text into [segment, isTerm] runs. */
  split(text: string): Array<[string, boolean]> {
    const out: Array<[string, boolean]> = [];
    let plainStart = 0;
    let i = 0;
    while (i < text.length) {
      const len = this.root.next.has(text[i]!) ? this.matchAt(text, i) : 0;
      if (len > 0) {
        if (i > plainStart) out.push([text.slice(plainStart, i), false]);
        out.push([text.slice(i, i + len), true]);
        i += len;
        plainStart = i;
      } else i++;
    }
    if (plainStart < text.length) out.push([text.slice(plainStart), false]);
    return out;
  }
}

export interface BrowserSegmenter {
  /** Cuts a text into words (punctuation and spaces dropped). */
  cut: Tokenizer;
  /** Adds terms that must stay whole. */
  addWords(words: Iterable<string>): void;
}

/**
 * A browser-safe word segmenter: terms of the user dictionary are kept whole (longest match),
 * and the rest is cut by `Intl.Segmenter` (ICU's dictionary-based Chinese word breaker, in
 * Node and every current browser); without `Intl.Segmenter` it falls back to character bigrams.
 */
export function createBrowserSegmenter(options: { userWords?: Iterable<string> } = {}): BrowserSegmenter {
  const dict = new TermDictionary(options.userWords ?? QIANJIANG_TERMS);
  const seg =
    typeof Intl !== 'undefined' && 'Segmenter' in Intl
      ? new Intl.Segmenter('zh', { granularity: 'word' })
      : undefined;
  const cutPlain = (s: string, out: string[]): void => {
    if (seg) {
      for (const part of seg.segment(s)) if (part.isWordLike) out.push(part.segment);
    } else {
      for (const run of s.split(/[^\p{Script=Han}\p{L}\p{N}]+/u)) {
        if (run) out.push(...(run.length === 1 ? [run] : charNgrams(run, 2)));
      }
    }
  };
  return {
    cut(text: string): string[] {
      const out: string[] = [];
      if (dict.size === 0) cutPlain(text, out);
      else for (const [s, isTerm] of dict.split(text)) isTerm ? out.push(s) : cutPlain(s, out);
      return out;
    },
    addWords(words) {
      dict.add(words);
    },
  };
}

let defaultSegmenter: BrowserSegmenter | undefined;

/** Browser-safe segmentation with the built-in Qianjiang terms. */
export const segmentBrowser: Tokenizer = (text) => {
  defaultSegmenter ??= createBrowserSegmenter();
  return defaultSegmenter.cut(text);
};
