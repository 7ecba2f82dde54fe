import { DUPLICATE_MODEL, type DuplicateModel, judgeDuplicate } from './duplicate.js';
import { hashString } from './hash.js';
import { matchForm } from './normalize.js';
import { type PreparedText, prepareText } from './pair-features.js';
import { contentChars } from './tokenize.js';

export interface NearDuplicateMatch {
  id: string;
  text: string;
  /** Coarse score of the index: IDF-weighted overlap of character bigrams, cosine-normalised, in [0, 1]. */
  score: number;
  /** The near-duplicate decision's probability ({@link judgeDuplicate}). */
  similarity: number;
  duplicate: boolean;
}

export interface NearDuplicateIndexOptions {
  /** How many of the best coarse candidates get the finer decision (default 6). */
  candidates?: number;
  /** Postings read per query before the commonest shingles are skipped (default 10,000). */
  postingBudget?: number;
  /** The decision's model (default the built-in one). */
  model?: DuplicateModel;
  /**
   * Stored texts kept prepared for the decision, most recently used first (default 0: none).
   * A server that queries the same index all day sets it (each takes about 10 kB) so that a
   * candidate is not prepared again on every query that picks it.
   */
  preparedCache?: number;
}

export interface QueryOptions {
  /** Matches returned (default 5). */
  limit?: number;
  /** Keep only matches the decision calls duplicates (default false). */
  duplicatesOnly?: boolean;
  /** Ids to leave out (e.g. the text's own id). */
  exclude?: Iterable<string>;
}

/** The serialised form: the (id, text) list; the postings are rebuilt on load. */
export interface SerializedNearDuplicateIndex {
  version: 1;
  items: Array<[string, string]>;
}

/** Distinct hashed character bigrams of a text (unigrams for one-character texts). */
export function shingleHashes(text: string): Uint32Array {
  const chars = contentChars(matchForm(text));
  const set = new Set<number>();
  if (chars.length === 1) set.add(hashString(chars[0]!));
  for (let i = 0; i + 1 < chars.length; i++) set.add(hashString(chars[i]! + chars[i + 1]!));
  return Uint32Array.from(set);
}

/**
 * An incremental near-duplicate index over character bigrams (browser-safe).
 *
 * Query: the query's bigrams are read rarest first from an inverted index, each adding its
 * IDF to the documents that hold it, until a posting budget is spent (common bigrams such as
 * "建议" are skipped once the rare ones have been read); the best candidates by cosine-normalised
 * score then get the near-duplicate decision ({@link judgeDuplicate}), and matches are sorted
 * by its probability.
 */
export class NearDuplicateIndex {
  private readonly ids: Array<string | undefined> = [];
  private readonly texts: string[] = [];
  private readonly shingles: Array<Uint32Array | undefined> = [];
  private readonly norms: number[] = [];
  private readonly slotOf = new Map<string, number>();
  private readonly free: number[] = [];
  private readonly postings = new Map<number, number[]>();
  private readonly prepared = new Map<number, PreparedText>();
  private acc = new Float64Array(0);
  private readonly options: Required<NearDuplicateIndexOptions>;

  constructor(options: NearDuplicateIndexOptions = {}) {
    this.options = {
      candidates: options.candidates ?? 6,
      postingBudget: options.postingBudget ?? 10_000,
      model: options.model ?? DUPLICATE_MODEL,
      preparedCache: options.preparedCache ?? 0,
    };
  }

  /** Builds an index from a list of (id, text). */
  static build(
    items: Iterable<{ id: string; text: string }>,
    options?: NearDuplicateIndexOptions,
  ): NearDuplicateIndex {
    const index = new NearDuplicateIndex(options);
    for (const { id, text } of items) index.add(id, text);
    return index;
  }

  static fromJSON(
    json: SerializedNearDuplicateIndex,
    options?: NearDuplicateIndexOptions,
  ): NearDuplicateIndex {
    if (json.version !== 1 || !Array.isArray(json.items))
      throw new Error('not a serialised NearDuplicateIndex');
    return NearDuplicateIndex.build(
      json.items.map(([id, text]) => ({ id, text })),
      options,
    );
  }

  toJSON(): SerializedNearDuplicateIndex {
    const items: Array<[string, string]> = [];
    for (let s = 0; s < this.ids.length; s++) {
      const id = this.ids[s];
      if (id !== undefined) items.push([id, this.texts[s]!]);
    }
    return { version: 1, items };
  }

  get size(): number {
    return this.slotOf.size;
  }

  has(id: string): boolean {
    return this.slotOf.has(id);
  }

  /** Adds a text, or replaces the text of an id already there. */
  add(id: string, text: string): void {
    if (this.slotOf.has(id)) this.remove(id);
    const slot = this.free.pop() ?? this.ids.length;
    const sh = shingleHashes(text);
    this.ids[slot] = id;
    this.texts[slot] = text;
    this.shingles[slot] = sh;
    this.norms[slot] = Math.sqrt(Math.max(1, sh.length));
    this.slotOf.set(id, slot);
    for (const h of sh) {
      const list = this.postings.get(h);
      if (list) list.push(slot);
      else this.postings.set(h, [slot]);
    }
  }

  /** Removes a text; returns false when the id is not there. */
  remove(id: string): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    for (const h of this.shingles[slot]!) {
      const list = this.postings.get(h)!;
      const at = list.lastIndexOf(slot);
      if (at >= 0) {
        list[at] = list[list.length - 1]!;
        list.pop();
      }
      if (list.length === 0) this.postings.delete(h);
    }
    this.ids[slot] = undefined;
    this.shingles[slot] = undefined;
    this.texts[slot] = '';
    this.prepared.delete(slot);
    this.slotOf.delete(id);
    this.free.push(slot);
    return true;
  }

  /** A stored text prepared for the decision, from the cache when one is kept (LRU by Map order). */
  private preparedAt(slot: number): PreparedText {
    const cached = this.prepared.get(slot);
    if (cached) {
      this.prepared.delete(slot);
      this.prepared.set(slot, cached);
      return cached;
    }
    const fresh = prepareText(this.texts[slot]!);
    if (this.options.preparedCache > 0) {
      this.prepared.set(slot, fresh);
      if (this.prepared.size > this.options.preparedCache)
        this.prepared.delete(this.prepared.keys().next().value!);
    }
    return fresh;
  }

  /** The texts most likely to say the same thing as `text`, best first. */
  query(text: string, options: QueryOptions = {}): NearDuplicateMatch[] {
    const limit = options.limit ?? 5;
    const exclude = new Set(options.exclude ?? []);
    const q = shingleHashes(text);
    const n = this.size;
    if (n === 0 || q.length === 0) return [];
    if (this.acc.length < this.ids.length)
      this.acc = new Float64Array(Math.max(this.ids.length, 2 * this.acc.length));
    const lists: Array<[number[], number]> = [];
    for (const h of q) {
      const list = this.postings.get(h);
      if (list) lists.push([list, Math.log(1 + n / list.length)]);
    }
    lists.sort((a, b) => a[0].length - b[0].length);
    const touched: number[] = [];
    const acc = this.acc;
    let read = 0;
    let qWeight = 0;
    for (const [list, idf] of lists) {
      qWeight += idf;
      if (read > 0 && read + list.length > this.options.postingBudget) continue;
      read += list.length;
      for (const slot of list) {
        if (acc[slot] === 0) touched.push(slot);
        acc[slot]! += idf;
      }
    }
    // Score: the share of the query's IDF mass found in the candidate, times the square root of
    // the ratio of their bigram counts (so that a long text holding a short one scores lower).
    const k = Math.max(limit, this.options.candidates);
    const top = new TopK(k);
    for (const slot of touched) {
      const a = acc[slot]!;
      acc[slot] = 0;
      if (exclude.size > 0 && exclude.has(this.ids[slot]!)) continue;
      const len = this.shingles[slot]!.length;
      const ratio = len < q.length ? len / q.length : q.length / Math.max(1, len);
      top.push(slot, (a / qWeight) * Math.sqrt(ratio));
    }
    const scored = top.sorted();
    const prepared = prepareText(text);
    const matches: NearDuplicateMatch[] = [];
    for (const [slot, score] of scored) {
      const verdict = judgeDuplicate(prepared, this.preparedAt(slot), this.options.model, 'candidate');
      if (options.duplicatesOnly && !verdict.duplicate) continue;
      matches.push({ id: this.ids[slot]!, text: this.texts[slot]!, score, ...verdict });
    }
    matches.sort((a, b) => b.similarity - a.similarity || b.score - a.score);
    return matches.slice(0, limit);
  }
}

/** The k best (slot, score) pairs seen, by a binary min-heap. */
class TopK {
  private readonly slots: number[] = [];
  private readonly scores: number[] = [];
  constructor(private readonly k: number) {}

  push(slot: number, score: number): void {
    const { slots, scores } = this;
    if (slots.length < this.k) {
      slots.push(slot);
      scores.push(score);
      let i = slots.length - 1;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (scores[p]! <= scores[i]!) break;
        this.swap(i, p);
        i = p;
      }
    } else if (score > scores[0]!) {
      slots[0] = slot;
      scores[0] = score;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < slots.length && scores[l]! < scores[m]!) m = l;
        if (r < slots.length && scores[r]! < scores[m]!) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
  }

  sorted(): Array<[number, number]> {
    return this.slots.map((s, i): [number, number] => [s, this.scores[i]!]).sort((a, b) => b[1] - a[1]);
  }

  private swap(i: number, j: number): void {
    [this.slots[i], this.slots[j]] = [this.slots[j]!, this.slots[i]!];
    [this.scores[i], this.scores[j]] = [this.scores[j]!, this.scores[i]!];
  }
}
