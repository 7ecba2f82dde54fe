import { STOP_WORDS } from './stopwords.js';

const CONTENT_RE = /^[\p{Script=Han}\p{L}][\p{Script=Han}\p{L}\p{N}]*$/u;

/** True for a word worth showing as a keyword: two or more characters, not a stop word, not a number. */
export function isKeywordCandidate(word: string): boolean {
  return word.length >= 2 && !STOP_WORDS.has(word) && CONTENT_RE.test(word);
}

/**
 * Keywords of a group of texts by TF-IDF: a word's count in the group times
 * ln(N / df) over the whole collection (N documents, df of them containing the word).
 */
export function tfidfKeywords(
  groupWords: readonly (readonly string[])[],
  docFreq: ReadonlyMap<string, number>,
  totalDocs: number,
  topK = 5,
): string[] {
  const tf = new Map<string, number>();
  for (const words of groupWords)
    for (const w of new Set(words)) if (isKeywordCandidate(w)) tf.set(w, (tf.get(w) ?? 0) + 1);
  return [...tf]
    .map(([w, c]) => [w, c * Math.log((1 + totalDocs) / (1 + (docFreq.get(w) ?? 0)))] as const)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, topK)
    .map(([w]) => w);
}

/**
 * TextRank keywords of one text (Mihalcea & Tarau 2004): words are nodes, co-occurrence within
 * a window of `window` words is an edge, and PageRank (damping 0.85) ranks the nodes.
 */
export function textRankKeywords(words: readonly string[], topK = 5, window = 5): string[] {
  const cand = words.filter(isKeywordCandidate);
  const nodes = [...new Set(cand)];
  if (nodes.length === 0) return [];
  const at = new Map(nodes.map((w, i) => [w, i]));
  const edges = nodes.map(() => new Map<number, number>());
  for (let i = 0; i < cand.length; i++) {
    for (let j = i + 1; j < Math.min(cand.length, i + window); j++) {
      const a = at.get(cand[i]!)!;
      const b = at.get(cand[j]!)!;
      if (a === b) continue;
      edges[a]!.set(b, (edges[a]!.get(b) ?? 0) + 1);
      edges[b]!.set(a, (edges[b]!.get(a) ?? 0) + 1);
    }
  }
  const out = edges.map((e) => [...e.values()].reduce((s, v) => s + v, 0));
  let rank = new Float64Array(nodes.length).fill(1);
  for (let it = 0; it < 30; it++) {
    const next = new Float64Array(nodes.length).fill(0.15);
    edges.forEach((e, a) => {
      for (const [b, w] of e) next[b]! += (0.85 * rank[a]! * w) / out[a]!;
    });
    rank = next;
  }
  return nodes
    .map((w, i) => [w, rank[i]!] as const)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, topK)
    .map(([w]) => w);
}
