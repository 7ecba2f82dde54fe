import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { AppError } from '../../../errors.js';
import { ideaListEntries, ideaSuggestions } from '../schema.js';

/** The suggestions an action answers: its own, or those of its list entry. */
export async function linkedSuggestions(db: Db, a: { suggestionId: string | null; entryId: string | null }) {
  const ids = new Set<string>(a.suggestionId ? [a.suggestionId] : []);
  if (a.entryId) {
    const [entry] = await db.select().from(ideaListEntries).where(eq(ideaListEntries.id, a.entryId));
    if (!entry)
      throw new AppError('VALIDATION', 'unknown entry', [
        { path: 'entryId', message: 'not found', code: 'not_found' },
      ]);
    if (entry.suggestionId) ids.add(entry.suggestionId);
    for (const m of entry.memberIds) ids.add(m);
  }
  return ids.size
    ? db
        .select()
        .from(ideaSuggestions)
        .where(inArray(ideaSuggestions.id, [...ids]))
    : [];
}
