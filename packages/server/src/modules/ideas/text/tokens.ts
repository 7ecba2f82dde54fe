import { searchWordsServer, segmentServer } from '@qianxing/core/text/server';
import { withoutNumbersInText } from '../../../privacy.js';

/**
 * Distinct lower-cased jieba words of a text, joined by spaces: what search matches against.
 * A phone or ID number typed into a suggestion is left out, so that nobody can find what a
 * person wrote by searching for their number (not even by the digits the masked form shows).
 */
export function searchTokens(text: string): string {
  const words = new Set<string>();
  for (const w of segmentServer(withoutNumbersInText(text))) {
    const word = w.toLowerCase().replace(/\s+/g, '');
    if (word) words.add(word);
  }
  return [...words].join(' ');
}

/** The words of a search query (each must appear in a match). */
export function queryTerms(q: string): string[] {
  return searchTokens(q).split(' ').filter(Boolean).slice(0, 12);
}

/** A text's search words (`searchWordsServer`), space-joined, numbers left out as above. */
const wordsOf = (text: string) => searchWordsServer(withoutNumbersInText(text)).join(' ');

/** The columns the word search reads (`idea_suggestions.search` is made from them). */
export const suggestionWords = (title: string, body: string) => ({
  titleWords: wordsOf(title),
  bodyWords: wordsOf(body),
});

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 10 Crockford base-32 characters: 50 random bits, unguessable and easy to read aloud. */
export function newTrackingCode(): string {
  const bytes = new Uint8Array(10);
  crypto.getRandomValues(bytes);
  let out = '';
  for (const b of bytes) out += ALPHABET[b & 31];
  return out;
}

export const normaliseTrackingCode = (code: string) =>
  code.trim().toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1');
