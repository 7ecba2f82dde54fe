import { DUPLICATE_MODEL, type DuplicateModel, judgeDuplicate } from './duplicate.js';
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

/**
 * Hashed character bigrams of a prepared text (its one character for a one-character text),
 * taken from the bigrams the decision uses, so a text is normalised and cut once.
 */
export function shingleHashes(prepared: PreparedText): Uint32Array {
  if (prepared.length === 1) return Uint32Array.of(mix(prepared.codes[0]!, 0));
  const out = new Uint32Array(prepared.bigrams.length);
  for (let i = 0; i < out.length; i++) {
    const pair = prepared.bigrams[i]!;
    const first = Math.floor(pair / 0x110000);
    out[i] = mix(first, pair - first * 0x110000 + 1);
  }
  return out;
}

/** The same hashes as {@link shingleHashes}, from the raw text without cutting it into words. */
export function textShingleHashes(text: string): Uint32Array {
  const codes = contentChars(matchForm(text)).map((c) => c.codePointAt(0)!);
  if (codes.length === 1) return Uint32Array.of(mix(codes[0]!, 0));
  const pairs = new Set<number>();
  for (let i = 0; i + 1 < codes.length; i++) pairs.add(codes[i]! * 0x110000 + codes[i + 1]!);
  return Uint32Array.from(pairs, (pair) => {
    const first = Math.floor(pair / 0x110000);
    return mix(first, pair - first * 0x110000 + 1);
  });
}

/** FNV-1a over two integers. */
function mix(a: number, b: number): number {
  let h = Math.imul(0x811c9dc5 ^ a, 0x01000193);
  h = Math.imul(h ^ b, 0x01000193);
  return h >>> 0;
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

  /**
   * Adds a text, or replaces the text of an id already there. With its preparation at hand the
   * text is kept prepared (when a cache is kept); without, it is prepared when first judged.
   */
  add(id: string, text: string, prepared?: PreparedText): void {
    if (this.slotOf.has(id)) this.remove(id);
    const slot = this.free.pop() ?? this.ids.length;
    const sh = prepared ? shingleHashes(prepared) : textShingleHashes(text);
    if (prepared && this.options.preparedCache > 0) this.remember(slot, prepared);
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
    if (this.options.preparedCache > 0) this.remember(slot, fresh);
    return fresh;
  }

  private remember(slot: number, prepared: PreparedText): void {
    this.prepared.set(slot, prepared);
    if (this.prepared.size > this.options.preparedCache)
      this.prepared.delete(this.prepared.keys().next().value!);
  }

  /** The texts most likely to say the same thing as `text`, best first. */
  query(
    text: string,
    options: QueryOptions = {},
    prepared: PreparedText = prepareText(text),
  ): NearDuplicateMatch[] {
    const limit = options.limit ?? 5;
    const exclude = new Set(options.exclude ?? []);
    const q = shingleHashes(prepared);
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
      for (let i = 0; i < list.length; i++) {
        const slot = list[i]!;
        if (acc[slot] === 0) touched.push(slot);
        acc[slot]! += idf;
      }
    }
    // Score: the share of the query's IDF mass found in the candidate, times the square root of
    // the ratio of their bigram counts (so that a long text holding a short one scores lower).
    const k = Math.max(limit, this.options.candidates);
    const top = new TopK(k);
    const qNorm = Math.sqrt(q.length);
    const norms = this.norms;
    for (let i = 0; i < touched.length; i++) {
      const slot = touched[i]!;
      const found = acc[slot]! / qWeight;
      acc[slot] = 0;
      // The ratio's root is at most 1: a slot that cannot beat the k-th best is not scored.
      if (!top.mayEnter(found)) continue;
      if (exclude.size > 0 && exclude.has(this.ids[slot]!)) continue;
      const norm = norms[slot]!;
      top.push(slot, found * (norm < qNorm ? norm / qNorm : qNorm / norm));
    }
    const scored = top.sorted();
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

  /** Whether a score could still enter the k best. */
  mayEnter(score: number): boolean {
    return this.slots.length < this.k || score > this.scores[0]!;
  }

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
