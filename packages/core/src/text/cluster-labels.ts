import { isKeywordCandidate } from './keywords.js';
import type { Tokenizer } from './tokenize.js';

/**
 * Words that name no topic, dropped from a cluster's citations and from the choice of its title
 * (on top of `STOP_WORDS`): the generic verbs, adverbs and evaluations of the Baidu stop-word
 * list (百度停用词表, as distributed in the goto456/stopwords collection) that occur in citizens'
 * suggestions, and the formulas of the suggestions themselves (加快, 完善, 提升 …). Words such
 * as 安全 or 方便, which that list also drops, stay: here they tell problems apart.
 */
export const CITATION_STOP_WORDS: ReadonlySet<string> = new Set(
  // From the Baidu list: generic verbs and adverbs.
  (
    '存在 不断 不能 不要 不足 不够 不同 不会 进行 开展 实现 加强 促进 保持 做到 取得 得到 获得 形成 ' +
    '造成 通过 根据 按照 认为 觉得 知道 表示 要求 需要 采取 坚持 继续 充分 积极 大力 逐步 逐渐 ' +
    '深入 全面 彻底 及时 明显 显著 普遍 主要 重要 重大 具体 基本 有效 有关 有所 一定 一直 目前 ' +
    '现在 今后 以后 同时 另外 此外 其他 其实 所有 许多 大量 部分 方面 考虑 注意 结合 联系 ' +
    '适当 合理 相应 相关 明确 突出 扩大 成为 具有 发生 出现 提出 反映 遇到 ' +
    // The formulas of the suggestions: what they ask to be done, not what about.
    '加快 完善 提升 提高 推进 推动 推行 落实 做好 抓好 加大 优化 规范 统筹 早做 准备 研究 ' +
    '打造 培育 建立 建设 发展 增加 解决 支持 引导 参与 借鉴 做法 试点 推开 列入 ' +
    '群众 居民 迎接 时代 城市 工作 意见 几点 关于 统筹考虑 关心 合理布局 整体 ' +
    // Degree and change, whatever changes: 日益激烈, 有待提高, 不断加深.
    '日益 越来越 有待 加深 大增 留在 ' +
    // Time, place and emphasis of any topic; jieba's cut of 卖不上价 (卖 / 不 / 上价).
    '今年 明年 去年 近年 全区 全市 重点 这是 上价'
  ).split(' '),
);

/**
 * Two-character words that carry no topic: a negation and its fragment (不上, 不断, 没法), a
 * number and its measure word (一份, 几点, 两个).
 */
const FRAGMENT = /^[不没未无别一二两三几]./u;

/** True for a word that may stand as a citation: a keyword candidate, no generic verb or fragment. */
export function isCitationWord(word: string): boolean {
  return (
    isKeywordCandidate(word) && !CITATION_STOP_WORDS.has(word) && !(word.length === 2 && FRAGMENT.test(word))
  );
}

/** The marks that end a sentence (and the line ends between a title and its body). */
const SENTENCE_END = /[。！？；!?;\n\r]+/u;
/** The marks between clauses, where an over-long sentence may be cut and still read whole. */
const CLAUSE_END = /[，、,：:]/gu;
/** Marks left over at either end of a cut. */
const EDGE_MARKS = /^[\s，、,：:。！？；!?;…"“”'‘’（）()]+|[\s，、,：:。！？；!?;…"“”'‘’（(]+$/gu;

/** A text's sentences, without their end marks; empty ones left out. */
export function sentencesOf(text: string): string[] {
  return text
    .split(SENTENCE_END)
    .map((s) => s.replace(EDGE_MARKS, ''))
    .filter((s) => s.length > 0);
}

/**
 * A sentence no longer than `maxChars` characters: whole when it fits; else cut at the last
 * clause mark (，、：) in its second half, which leaves whole clauses; else after the last whole
 * word that fits (words from `tokenizer`), followed by "…". Never cuts inside a word.
 */
export function fitSentence(sentence: string, maxChars: number, tokenizer: Tokenizer): string {
  const chars = [...sentence];
  if (chars.length <= maxChars) return sentence;
  const head = chars.slice(0, maxChars + 1).join('');
  let clauseAt = -1;
  for (const m of head.matchAll(CLAUSE_END))
    if ([...head.slice(0, m.index)].length >= maxChars / 2) clauseAt = m.index;
  if (clauseAt > 0) return head.slice(0, clauseAt).replace(EDGE_MARKS, '');
  // The segmenter drops punctuation and spaces: words are found again in the sentence, in order.
  let end = 0;
  let used = 0;
  for (const word of tokenizer(sentence)) {
    const at = sentence.indexOf(word, end);
    if (at < 0) continue;
    const next = [...sentence.slice(0, at + word.length)].length;
    if (next > maxChars - 1) break;
    end = at + word.length;
    used = next;
  }
  if (used === 0) return `${chars.slice(0, maxChars - 1).join('')}…`;
  return `${sentence.slice(0, end).replace(EDGE_MARKS, '')}…`;
}

export interface TitleOptions {
  tokenizer: Tokenizer;
  /** Longest title in characters (default 40). */
  maxChars?: number;
  /** Shortest sentence worth a title, in characters (default 6); shorter ones only when nothing else. */
  minChars?: number;
}

/**
 * The title of a cluster: the sentence of its members most central to it, cut to fit. Each
 * sentence's content words (those `isCitationWord` admits) are scored against the cluster's
 * profile, `weights` (a word's share of members × its IDF): the sum of the weights of the words
 * it holds over the square root of their count, the cosine of a 0/1 vector with the profile up
 * to a constant. Ties go to the shorter sentence, then to the earlier.
 */
export function centralSentence(
  texts: readonly string[],
  weights: ReadonlyMap<string, number>,
  options: TitleOptions,
): string {
  const maxChars = options.maxChars ?? 40;
  const minChars = options.minChars ?? 6;
  let best: { sentence: string; score: number; long: boolean } | undefined;
  for (const text of texts) {
    for (const sentence of sentencesOf(text)) {
      const words = new Set(options.tokenizer(sentence).filter(isCitationWord));
      let mass = 0;
      for (const w of words) mass += weights.get(w) ?? 0;
      const score = words.size > 0 ? mass / Math.sqrt(words.size) : 0;
      const long = [...sentence].length >= minChars;
      const better =
        !best ||
        (long && !best.long) ||
        (long === best.long &&
          (score > best.score + 1e-9 ||
            (Math.abs(score - best.score) <= 1e-9 && sentence.length < best.sentence.length)));
      if (better) best = { sentence, score, long };
    }
  }
  return best ? fitSentence(best.sentence, maxChars, options.tokenizer) : '';
}

/**
 * Citations for clusters taken hottest first: each takes the best of its ranked candidates
 * that no hotter cluster took, `k` at most, so no two clusters cite the same word.
 */
export function distinctCitations(ranked: readonly (readonly string[])[], k: number): string[][] {
  const taken = new Set<string>();
  return ranked.map((candidates) => {
    const mine: string[] = [];
    for (const w of candidates) {
      if (mine.length >= k) break;
      if (taken.has(w)) continue;
      taken.add(w);
      mine.push(w);
    }
    return mine;
  });
}
