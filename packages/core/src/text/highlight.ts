import { toHalfWidth, toSimplified } from './normalize.js';

/** A stretch of a text, in UTF-16 offsets: `text.slice(start, end)`. */
export interface TextRange {
  start: number;
  end: number;
}

/**
 * Where search words occur in a text as it is shown: the text is folded as search folds it
 * (full-width → half-width, lower case, traditional → simplified) while keeping each folded
 * unit's offset in the original, so a word found in the folded text marks the original
 * characters, 看病難 included. Longer words are looked for first; overlapping and touching
 * stretches are merged. A word found inside another word is marked too (看病 in 看病人): a
 * reader sees why the text came up, and the search words were found in it anyway.
 */
export function highlightRanges(text: string, words: readonly string[]): TextRange[] {
  if (!text || words.length === 0) return [];
  let folded = '';
  const origin: number[] = [];
  let offset = 0;
  for (const ch of text) {
    const f = toHalfWidth(ch).toLowerCase();
    for (let k = 0; k < f.length; k++) origin.push(offset);
    folded += f;
    offset += ch.length;
  }
  origin.push(text.length);
  // OpenCC converts nearly always character for character; where it would not, the text's own
  // characters are kept, so ranges never shift.
  const simplified = toSimplified(folded);
  if (simplified.length === folded.length) folded = simplified;
  const found: TextRange[] = [];
  const sorted = [...new Set(words.filter(Boolean))].sort((a, b) => b.length - a.length);
  for (const word of sorted) {
    for (let i = folded.indexOf(word); i >= 0; i = folded.indexOf(word, i + word.length)) {
      found.push({ start: origin[i]!, end: endOf(origin, i + word.length, text.length) });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: TextRange[] = [];
  for (const r of found) {
    const last = merged.at(-1);
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

/** The original offset just past folded unit `j - 1` (the next character's start). */
function endOf(origin: readonly number[], j: number, length: number): number {
  const start = origin[j - 1]!;
  for (let k = j; k < origin.length; k++) if (origin[k]! > start) return origin[k]!;
  return length;
}
