import { hashString } from './hash.js';
import { normalizeText } from './normalize.js';
import { contentChars } from './tokenize.js';

/** Hashed character bigrams of a text with their counts (the unigram for a one-character text). */
export function bigramCounts(text: string): Map<number, number> {
  const chars = contentChars(normalizeText(text, { punctuation: 'space', digits: 'mask' }));
  const counts = new Map<number, number>();
  if (chars.length === 1) counts.set(hashString(chars[0]!), 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const h = hashString(chars[i]! + chars[i + 1]!);
    counts.set(h, (counts.get(h) ?? 0) + 1);
  }
  return counts;
}

interface Vec {
  terms: Uint32Array;
  weights: Float32Array;
}

/**
 * The texts holding one bigram, with that bigram's weight in each: typed arrays that double when
 * full. Plain arrays of numbers cost twice the memory and a tenth of the time in garbage
 * collection at 100,000 texts; the weights come from a Float32Array, so nothing is rounded.
 */
interface Posting {
  docs: Int32Array;
  weights: Float32Array;
  length: number;
}

export interface ClusterIndexOptions {
  /** Cosine similarity at or above which a text joins its nearest neighbour's cluster (default 0.7). */
  threshold?: number;
  /** Postings read per text before the commonest bigrams are skipped (default 3,000). */
  postingBudget?: number;
  /** Candidates whose exact cosine is computed (default 8). */
  candidates?: number;
  /** Exponent of the IDF in the term weights: 1 is TF-IDF, 0 plain TF (default 0.5). */
  idfPower?: number;
}

/**
 * Incremental nearest-neighbour clustering over TF-IDF character-bigram vectors. A new text
 * joins the cluster of its most similar text already indexed when their cosine reaches the
 * threshold, and otherwise opens a new cluster. The IDF is fixed when the index is made (from
 * a corpus's document frequencies), so that similarities do not drift as texts are added.
 */
export class ClusterIndex {
  readonly threshold: number;
  private readonly budget: number;
  private readonly nCand: number;
  private readonly df: Map<number, number>;
  private readonly nDocs: number;
  private readonly vecs: Vec[] = [];
  private readonly clusterOf: number[] = [];
  private readonly postings = new Map<number, Posting>();
  // Candidate scores only rank the few texts whose exact cosine is then computed; single precision
  // halves the array the accumulation walks at random, which is most of the grouping time.
  private acc = new Float32Array(1024);
  private touched = new Int32Array(1024);
  private nextCluster = 0;
  private readonly idfPower: number;

  constructor(docFreq: Map<number, number>, nDocs: number, options: ClusterIndexOptions = {}) {
    this.df = docFreq;
    this.nDocs = Math.max(1, nDocs);
    this.threshold = options.threshold ?? 0.7;
    this.budget = options.postingBudget ?? 3000;
    this.nCand = options.candidates ?? 8;
    this.idfPower = options.idfPower ?? 0.5;
  }

  /** Document frequencies of the hashed bigrams of a corpus. */
  static docFreq(texts: Iterable<Map<number, number>>): { df: Map<number, number>; n: number } {
    const df = new Map<number, number>();
    let n = 0;
    for (const c of texts) {
      n++;
      for (const h of c.keys()) df.set(h, (df.get(h) ?? 0) + 1);
    }
    return { df, n };
  }

  private idf(h: number): number {
    return (Math.log((1 + this.nDocs) / (1 + (this.df.get(h) ?? 0))) + 1) ** this.idfPower;
  }

  private vectorize(counts: Map<number, number>): Vec {
    const entries = [...counts].map(([h, c]) => [h, (1 + Math.log(c)) * this.idf(h)] as const);
    // Rarest (heaviest) first: the candidate search reads them first.
    entries.sort((a, b) => b[1] - a[1]);
    let norm = 0;
    for (const [, w] of entries) norm += w * w;
    norm = Math.sqrt(norm) || 1;
    return {
      terms: Uint32Array.from(entries, ([h]) => h),
      weights: Float32Array.from(entries, ([, w]) => w / norm),
    };
  }

  private cosine(m: Map<number, number>, b: Vec): number {
    let s = 0;
    for (let i = 0; i < b.terms.length; i++) s += (m.get(b.terms[i]!) ?? 0) * b.weights[i]!;
    return s;
  }

  /** The most similar indexed text: its position and cosine, or undefined when none shares a bigram. */
  nearest(counts: Map<number, number>): { doc: number; similarity: number } | undefined {
    return this.nearestVec(this.vectorize(counts));
  }

  private nearestVec(v: Vec): { doc: number; similarity: number } | undefined {
    if (this.acc.length < this.vecs.length) {
      this.acc = new Float32Array(2 * this.vecs.length);
      this.touched = new Int32Array(2 * this.vecs.length);
    }
    const acc = this.acc;
    const touched = this.touched;
    let nTouched = 0;
    let read = 0;
    for (let i = 0; i < v.terms.length; i++) {
      const list = this.postings.get(v.terms[i]!);
      if (!list) continue;
      const { docs, weights, length } = list;
      if (read > 0 && read + length > this.budget) continue;
      read += length;
      const w = v.weights[i]!;
      for (let k = 0; k < length; k++) {
        const doc = docs[k]!;
        if (acc[doc] === 0) touched[nTouched++] = doc;
        acc[doc]! += w * weights[k]!;
      }
    }
    const best: Array<[number, number]> = [];
    for (let t = 0; t < nTouched; t++) {
      const doc = touched[t]!;
      const s = acc[doc]!;
      acc[doc] = 0;
      if (best.length < this.nCand) {
        best.push([doc, s]);
        if (best.length === this.nCand) best.sort((a, b) => a[1] - b[1]);
      } else if (s > best[0]![1]) {
        best[0] = [doc, s];
        best.sort((a, b) => a[1] - b[1]);
      }
    }
    let top: { doc: number; similarity: number } | undefined;
    const qm = new Map<number, number>();
    for (let i = 0; i < v.terms.length; i++) qm.set(v.terms[i]!, v.weights[i]!);
    for (const [doc] of best) {
      const sim = this.cosine(qm, this.vecs[doc]!);
      if (!top || sim > top.similarity || (sim === top.similarity && doc < top.doc))
        top = { doc, similarity: sim };
    }
    return top;
  }

  /** Adds a text and returns its cluster number (an existing one, or a new one). */
  add(counts: Map<number, number>): number {
    const v = this.vectorize(counts);
    const near = this.nearestVec(v);
    const cluster =
      near && near.similarity >= this.threshold ? this.clusterOf[near.doc]! : this.nextCluster++;
    const doc = this.vecs.length;
    this.vecs.push(v);
    this.clusterOf.push(cluster);
    for (let i = 0; i < v.terms.length; i++) {
      const h = v.terms[i]!;
      let list = this.postings.get(h);
      if (!list) {
        list = { docs: new Int32Array(2), weights: new Float32Array(2), length: 0 };
        this.postings.set(h, list);
      } else if (list.length === list.docs.length) {
        const docs = new Int32Array(2 * list.length);
        docs.set(list.docs);
        const weights = new Float32Array(2 * list.length);
        weights.set(list.weights);
        list.docs = docs;
        list.weights = weights;
      }
      list.docs[list.length] = doc;
      list.weights[list.length] = v.weights[i]!;
      list.length++;
    }
    return cluster;
  }

  get size(): number {
    return this.vecs.length;
  }
}
