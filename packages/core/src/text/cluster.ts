import { bigramCounts, ClusterIndex } from './cluster-index.js';
import { centralSentence, distinctCitations, isCitationWord } from './cluster-labels.js';
import { segmentBrowser, type Tokenizer } from './tokenize.js';

export interface ClusterInput {
  id: string;
  text: string;
  /** When it was submitted: a Date, epoch milliseconds or a string Date.parse reads. */
  time?: Date | number | string;
  /** Supports (likes, co-signatures) it received. */
  supports?: number;
}

export interface ClusterSummary {
  cluster: number;
  size: number;
  /** The members' sentence most central to the cluster, whole, or cut at a clause or word (≤ 40 characters). */
  title: string;
  /** Its citations: topic words by TF-IDF, no generic word, none that a hotter cluster cites. */
  keywords: string[];
  /** Sum of the members' supports. */
  supporters: number;
  first?: string;
  last?: string;
  /** Days between the first and the last member (0 without times). */
  spanDays: number;
  /** ln(1+size) + 0.5·ln(1+supporters) + 0.5·ln(1 + size/(1+spanDays)); see docs/methods/text.md. */
  heat: number;
  memberIds: string[];
}

export interface ClusterOptions {
  /** Cosine (TF-√IDF over character bigrams) at or above which a text joins a cluster (default 0.8). */
  threshold?: number;
  /** Word tokenizer for keywords (default browser-safe; the server passes jieba's). */
  tokenizer?: Tokenizer;
  /** Number of keywords per cluster (default 5). */
  keywords?: number;
  /** Called every `progressEvery` texts (default 1,000) and at the end with (done, total). */
  onProgress?: (done: number, total: number) => void;
  progressEvery?: number;
}

const DAY = 86_400_000;
/** Share of all texts above which a word counts as common wording (see docs/methods/text.md). */
const COMMON_SHARE = 0.3;
/** Members read for a cluster's title: the earliest, enough to find its central sentence. */
const TITLE_MEMBERS = 60;

const DATE_RE = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** Milliseconds of a time; "2020/1/6 12:09:38"-style local times (no zone) are read as UTC. */
export function timeOf(t: ClusterInput['time']): number | undefined {
  if (t === undefined || t === '') return undefined;
  if (t instanceof Date) return Number.isFinite(t.getTime()) ? t.getTime() : undefined;
  if (typeof t === 'number') return Number.isFinite(t) ? t : undefined;
  const m = DATE_RE.exec(t.trim());
  const ms = m
    ? Date.UTC(
        Number(m[1]),
        Number(m[2]) - 1,
        Number(m[3]),
        Number(m[4] ?? 0),
        Number(m[5] ?? 0),
        Number(m[6] ?? 0),
      )
    : Date.parse(t);
  return Number.isFinite(ms) ? ms : undefined;
}

/** The heat score of a cluster (documented in docs/methods/text.md). */
export function heatScore(size: number, supporters: number, spanDays: number): number {
  return (
    Math.log1p(size) + 0.5 * Math.log1p(Math.max(0, supporters)) + 0.5 * Math.log1p(size / (1 + spanDays))
  );
}

/**
 * A clustering that grows: texts join the cluster of their nearest neighbour (see
 * {@link ClusterIndex}); `summaries()` describes each cluster. Made by {@link clusterTexts}.
 */
export class Clustering {
  private readonly items: ClusterInput[] = [];
  private readonly clusterOfItem: number[] = [];
  private readonly seen = new Set<string>();

  constructor(
    private readonly index: ClusterIndex,
    private readonly options: ClusterOptions = {},
  ) {}

  /**
   * Adds texts (in the order given) and returns the cluster of each. `counts` are the texts'
   * bigram counts when the caller has them already (normalising a text twice is a tenth of the
   * time of a full clustering).
   */
  add(
    items: readonly ClusterInput[],
    counts?: readonly Map<number, number>[],
  ): Array<{ id: string; cluster: number }> {
    const out: Array<{ id: string; cluster: number }> = [];
    const every = this.options.progressEvery ?? 1000;
    items.forEach((item, k) => {
      if (this.seen.has(item.id)) throw new Error(`duplicate id ${item.id}`);
      this.seen.add(item.id);
      const cluster = this.index.add(counts?.[k] ?? bigramCounts(item.text));
      this.items.push(item);
      this.clusterOfItem.push(cluster);
      out.push({ id: item.id, cluster });
      if (this.options.onProgress && ((k + 1) % every === 0 || k + 1 === items.length))
        this.options.onProgress(k + 1, items.length);
    });
    return out;
  }

  get size(): number {
    return this.items.length;
  }

  /** Assignments of every text so far. */
  assignments(): Array<{ id: string; cluster: number }> {
    return this.items.map((it, i) => ({ id: it.id, cluster: this.clusterOfItem[i]! }));
  }

  /** One summary per cluster, hottest first. `minSize` skips smaller clusters (default 1). */
  summaries(minSize = 1): ClusterSummary[] {
    const members = new Map<number, number[]>();
    this.clusterOfItem.forEach((c, i) => {
      const list = members.get(c);
      if (list) list.push(i);
      else members.set(c, [i]);
    });
    const tokenize = this.options.tokenizer ?? segmentBrowser;
    const words = new Map<number, string[]>();
    const df = new Map<string, number>();
    // Word document frequencies over the texts of the clusters summarised.
    for (const list of members.values()) {
      if (list.length < minSize) continue;
      for (const i of list) {
        const w = tokenize(this.items[i]!.text);
        words.set(i, w);
        for (const x of new Set(w)) df.set(x, (df.get(x) ?? 0) + 1);
      }
    }
    const total = words.size;
    const idf = (w: string) => Math.log((1 + total) / (1 + (df.get(w) ?? 0)));
    // A word in more than this share of all texts is the campaign's common wording, not a topic.
    const common = (w: string) => total >= 30 && (df.get(w) ?? 0) / total > COMMON_SHARE;
    const k = this.options.keywords ?? 5;
    const out: Array<ClusterSummary & { ranked: string[] }> = [];
    for (const [cluster, list] of members) {
      if (list.length < minSize) continue;
      const count = new Map<string, number>();
      for (const i of list)
        for (const w of new Set(words.get(i)!)) if (isCitationWord(w)) count.set(w, (count.get(w) ?? 0) + 1);
      const weights = new Map<string, number>();
      for (const [w, c] of count) if (!common(w)) weights.set(w, (c / list.length) * idf(w));
      const ranked = [...weights]
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .slice(0, k * 3)
        .map(([w]) => w);
      const title = centralSentence(
        list.slice(0, TITLE_MEMBERS).map((i) => this.items[i]!.text),
        weights,
        { tokenizer: tokenize },
      );
      const times = list.map((i) => timeOf(this.items[i]!.time)).filter((t): t is number => t !== undefined);
      const first = times.length > 0 ? Math.min(...times) : undefined;
      const last = times.length > 0 ? Math.max(...times) : undefined;
      const spanDays = first !== undefined && last !== undefined ? (last - first) / DAY : 0;
      const supporters = list.reduce((s, i) => s + (Number(this.items[i]!.supports) || 0), 0);
      out.push({
        cluster,
        size: list.length,
        title,
        keywords: [],
        ranked,
        supporters,
        ...(first !== undefined ? { first: new Date(first).toISOString() } : {}),
        ...(last !== undefined ? { last: new Date(last).toISOString() } : {}),
        spanDays: Math.round(spanDays * 100) / 100,
        heat: Math.round(heatScore(list.length, supporters, spanDays) * 1e4) / 1e4,
        memberIds: list.map((i) => this.items[i]!.id),
      });
    }
    out.sort((a, b) => b.heat - a.heat || a.cluster - b.cluster);
    const citations = distinctCitations(
      out.map((c) => c.ranked),
      k,
    );
    return out.map(({ ranked: _, ...c }, i) => ({ ...c, keywords: citations[i]! }));
  }
}

/**
 * Groups texts into problems (a full clustering; run it again to re-cluster). Texts are taken
 * in time order when they have times (input order otherwise), and each joins the cluster of
 * its most similar earlier text when the cosine reaches the threshold. Browser-safe.
 */
export function clusterTexts(items: readonly ClusterInput[], options: ClusterOptions = {}): Clustering {
  const counts = items.map((it) => bigramCounts(it.text));
  const { df, n } = ClusterIndex.docFreq(counts);
  const index = new ClusterIndex(df, n, { threshold: options.threshold ?? 0.8 });
  const clustering = new Clustering(index, options);
  const order = items.map((it, i) => [i, timeOf(it.time) ?? Number.NEGATIVE_INFINITY] as const);
  order.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
  clustering.add(
    order.map(([i]) => items[i]!),
    order.map(([i]) => counts[i]!),
  );
  return clustering;
}

/** Adds new texts to an existing clustering (incremental); returns their clusters. */
export function assignToClusters(
  clustering: Clustering,
  items: readonly ClusterInput[],
): Array<{ id: string; cluster: number }> {
  return clustering.add(items);
}
