import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { maskNumbersInText } from '../../../privacy.js';
import { ideaSuggestions } from '../schema.js';
import { queryTerms } from '../text/tokens.js';

/** An adopted suggestion as another module may show it: its title (numbers masked), its supports. */
export interface AdoptedSuggestion {
  id: string;
  title: string;
  supports: number;
}

const columns = { id: ideaSuggestions.id, title: ideaSuggestions.title, supports: ideaSuggestions.supports };
const view = (r: AdoptedSuggestion): AdoptedSuggestion => ({ ...r, title: maskNumbersInText(r.title) });

/** Those of `ids` that are adopted (采纳), in the order of `ids`; the others are left out. */
export async function adoptedSuggestionsByIds(db: Db, ids: readonly string[]): Promise<AdoptedSuggestion[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select(columns)
    .from(ideaSuggestions)
    .where(and(inArray(ideaSuggestions.id, [...ids]), eq(ideaSuggestions.status, 'adopted')));
  const byId = new Map(rows.map((r) => [r.id, view(r)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Adopted suggestions of every campaign whose words contain all of `q`'s, most supported first. */
export async function searchAdoptedSuggestions(db: Db, q: string, limit = 20): Promise<AdoptedSuggestion[]> {
  const terms = q.trim() ? queryTerms(q) : [];
  const rows = await db
    .select(columns)
    .from(ideaSuggestions)
    .where(
      and(
        eq(ideaSuggestions.status, 'adopted'),
        q.trim()
          ? terms.length === 0
            ? sql`false`
            : sql`${ideaSuggestions.terms} @> array[${sql.join(
                terms.map((t) => sql`${t}`),
                sql`, `,
              )}]::text[]`
          : undefined,
      ),
    )
    .orderBy(desc(ideaSuggestions.supports), desc(ideaSuggestions.createdAt))
    .limit(limit);
  return rows.map(view);
}
