/**
 * Character IDF for the near-duplicate decision: how much a shared or a differing character
 * says. Learnt without labels from every sentence of the allowed pair corpora and the public
 * citizens' messages (`bench/text/train-duplicate.ts` writes char-idf.json), so that a common
 * character (的, 怎, 么, 花) weighs little and a rare one (an entity, a key noun) weighs much.
 */
import idfJson from './char-idf.json' with { type: 'json' };
import { type CodeSet, sortedHas } from './code-sets.js';

export interface CharIdfTable {
  version: 1;
  /** Number of sentences the document frequencies were counted over. */
  documents: number;
  /** ln((documents + 1) / (df + 1)) per character of the corpus. */
  idf: Record<string, number>;
}

const table = idfJson as CharIdfTable;
const idfByCode = new Map(Object.entries(table.idf).map(([c, v]) => [c.codePointAt(0)!, v]));
/** IDF of a character the corpus never holds: as rare as a character can be. */
const unseenIdf = Math.log(table.documents + 1);

export const CHAR_IDF: Readonly<CharIdfTable> = table;

export function charIdf(char: string): number {
  return codeIdf(char.codePointAt(0) ?? 0);
}

/** IDF of a code point. */
export function codeIdf(code: number): number {
  return idfByCode.get(code) ?? unseenIdf;
}

export const CHAR_IDF_FEATURE_NAMES = [
  'idfCharJaccard',
  'idfCharContainMin',
  'idfCharContainMax',
  'idfMaxDiffering',
  'idfMinSideDiffering',
  'idfDifferingShare',
] as const;

/**
 * IDF-weighted overlap of two character sets: weighted Jaccard and containment, the weight of
 * the rarest character found on one side only (a differing entity or key word), the same for the
 * side whose rarest differing character is commoner, and the share of the IDF mass that differs.
 * Symmetric in its arguments.
 */
export function charIdfFeatures(a: CodeSet, b: CodeSet): number[] {
  let shared = 0;
  let massA = 0;
  let massB = 0;
  let maxOnlyA = 0;
  let maxOnlyB = 0;
  // In order of first occurrence, so that the sums are the same whichever way the sets are stored.
  for (const c of a.order) {
    const w = codeIdf(c);
    massA += w;
    if (sortedHas(b.sorted, c)) shared += w;
    else if (w > maxOnlyA) maxOnlyA = w;
  }
  for (const c of b.order) {
    const w = codeIdf(c);
    massB += w;
    if (!sortedHas(a.sorted, c) && w > maxOnlyB) maxOnlyB = w;
  }
  const union = massA + massB - shared;
  const minMass = Math.min(massA, massB);
  const maxMass = Math.max(massA, massB);
  return [
    union > 0 ? shared / union : 1,
    minMass > 0 ? shared / minMass : 0,
    maxMass > 0 ? shared / maxMass : 0,
    Math.max(maxOnlyA, maxOnlyB),
    Math.min(maxOnlyA, maxOnlyB),
    massA + massB > 0 ? (massA + massB - 2 * shared) / (massA + massB) : 0,
  ];
}
