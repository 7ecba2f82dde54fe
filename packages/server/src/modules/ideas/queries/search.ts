import { highlightRanges, STOP_WORDS } from '@qianxing/core/text';
import { searchWordsServer } from '@qianxing/core/text/server';
import { getTableColumns, type SQL, sql } from 'drizzle-orm';
import { withoutNumbersInText } from '../../../privacy.js';
import type { PublicSuggestion } from '../contracts.js';
import { ideaSuggestions } from '../schema.js';

const {
  titleWords: _t,
  bodyWords: _b,
  search: _s,
  tokens: _k,
  terms: _r,
  ...shown
} = getTableColumns(ideaSuggestions);
/** A suggestion's columns but its search words, which a list need not carry. */
export const listedColumns = shown;

/** The most terms of a query that count: a pasted paragraph asks no more than its first ones. */
const MAX_QUERY_TERMS = 12;

/** A term of a query: one word, or a run of single characters asked for as a phrase. */
export type QueryTerm = readonly string[];

/** The terms of a search query, cut as the suggestions' words were cut. */
export interface QueryWords {
  /** The terms that rank: every word of the query but stop words. */
  ranked: QueryTerm[];
  /** The terms that match: a suggestion must hold `need` of them. */
  content: QueryTerm[];
  need: 1 | 2;
}

/**
 * A citizen who types 看病难 wants the suggestions about seeing a doctor — those that say
 * 看病排队 or 看病贵 too — not only those that repeat the phrase. So a suggestion matches when it
 * holds a content word of the query, and the ranking puts first those holding more of them. The
 * words are cut by jieba's search mode, which also gives the shorter words inside a long one
 * (看病难 → 看病, 看病难), as the suggestions' words were cut. A run of single characters (an
 * unknown word, such as 脆红李, cut into 脆 红 李) is asked for as a phrase, its characters next
 * to each other. Stop words (的, 问题, 建议 …) never match, and neither does a lone character
 * while the query has a longer term: alone, 难 or 贵 would bring in every 困难 and 停车难 of the
 * campaign; they still rank. A query of lone characters only matches on them.
 * With three content words or more, a suggestion must hold two of them: 高铁站公交接驳 asks about
 * the station's buses, and one word alone (高铁, in a third of the campaign's suggestions) would
 * list thousands that are not. Words the query's spaces separate stay apart.
 */
export function queryWords(q: string): QueryWords {
  const content: QueryTerm[] = [];
  const lone: QueryTerm[] = [];
  for (const part of withoutNumbersInText(q).split(/\s+/)) {
    let run: string[] = [];
    const flush = () => {
      if (run.length > 1) content.push(run);
      else if (run.length === 1) lone.push(run);
      run = [];
    };
    for (const word of searchWordsServer(part)) {
      if (STOP_WORDS.has(word)) flush();
      else if ([...word].length === 1) run.push(word);
      else {
        flush();
        content.push([word]);
      }
    }
    flush();
  }
  const distinct = (terms: QueryTerm[]) => [...new Map(terms.map((t) => [t.join(' '), t])).values()];
  const ranked = distinct([...content, ...lone]).slice(0, MAX_QUERY_TERMS);
  const longer = ranked.filter((t) => t.join('').length > 1);
  return longer.length > 0
    ? { ranked, content: longer, need: longer.length >= 3 ? 2 : 1 }
    : { ranked, content: ranked, need: 1 };
}

const tsquery = (term: QueryTerm) =>
  term.length === 1
    ? sql`plainto_tsquery('simple', ${term[0]})`
    : sql`phraseto_tsquery('simple', ${term.join(' ')})`;
const anyTerm = (terms: readonly QueryTerm[]) =>
  sql.join(
    terms.map((t) => tsquery(t)),
    sql` || `,
  );
/** Any two of the terms, as one tsquery: (a & b) | (a & c) | (b & c) … */
const anyTwo = (terms: readonly QueryTerm[]) =>
  sql.join(
    terms.flatMap((a, i) => terms.slice(i + 1).map((b) => sql`(${tsquery(a)} && ${tsquery(b)})`)),
    sql` || `,
  );

/** Holds enough of the query's terms (the GIN index on `search` answers it); no term, no match. */
export function wordMatch(words: QueryWords): SQL {
  if (words.content.length === 0) return sql`false`;
  return sql`${ideaSuggestions.search} @@ (${words.need === 2 ? anyTwo(words.content) : anyTerm(words.content)})`;
}

/**
 * The relevance of a matching suggestion (docs/methods/text.md, "Word search"):
 *
 *   coverage × rank ÷ (rank + 1) × (1 + ¼ ln(1 + supports)) × (½ + ½ · 2^(−age in days ÷ 30))
 *
 * rank is PostgreSQL's cover density ts_rank_cd with its default weights (title words, A, 1.0;
 * body words, B, 0.4); normalisation 32 turns it into rank ÷ (rank + 1), within [0, 1).
 * coverage is the share of the query's words the suggestion holds, so that holding 看病 and 难
 * outranks repeating 看病 alone. Supports raise a suggestion slowly (100 supports: × 2.15) and
 * age lowers it at most by half, so what was asked for stays the first reason of the order.
 */
export function relevance(words: QueryWords): SQL<number> {
  const ranked = words.ranked;
  const held = sql.join(
    ranked.map((w) => sql`(${ideaSuggestions.search} @@ ${tsquery(w)})::int`),
    sql` + `,
  );
  return sql<number>`((${held})::float8 / ${ranked.length}
    * ts_rank_cd(${ideaSuggestions.search}, ${anyTerm(ranked)}, 32)
    * (1 + 0.25 * ln(1 + greatest(${ideaSuggestions.supports}, 0)))
    * (0.5 + 0.5 * power(0.5, extract(epoch from (now() - ${ideaSuggestions.createdAt}))::float8 / (86400 * 30))))`;
}

/** The words to mark: those a match may hold (a lone character of a longer query is not marked). */
export const markedWords = (words: QueryWords) => words.content.map((t) => t.join(''));

/** Where the query's words stand in a suggestion's title and body, as the public sees them. */
export function withHighlights(item: PublicSuggestion, words: readonly string[]) {
  return {
    ...item,
    highlights: { title: highlightRanges(item.title, words), body: highlightRanges(item.body, words) },
  };
}
