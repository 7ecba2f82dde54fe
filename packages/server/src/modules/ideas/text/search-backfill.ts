import { isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { ideaSuggestions } from '../schema.js';
import { suggestionWords } from './tokens.js';

/**
 * Gives the rows written before the word search (migration 0025) their search words, a batch
 * at a time, at start-up: jieba runs in TypeScript, so SQL alone cannot fill them. Each batch is
 * one update; a row found already filled (by another process) is just written again alike.
 * Resolves with the number of rows filled.
 */
export async function indexUnindexedSuggestions(db: Db, batch = 500): Promise<number> {
  let done = 0;
  for (;;) {
    const rows = await db
      .select({ id: ideaSuggestions.id, title: ideaSuggestions.title, body: ideaSuggestions.body })
      .from(ideaSuggestions)
      .where(isNull(ideaSuggestions.titleWords))
      .limit(batch);
    if (rows.length === 0) return done;
    const values = rows.map((r) => {
      const words = suggestionWords(r.title, r.body);
      return { id: r.id, title_words: words.titleWords, body_words: words.bodyWords };
    });
    await db.execute(sql`
      update ${ideaSuggestions} s set title_words = x.title_words, body_words = x.body_words
      from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as x(id uuid, title_words text, body_words text)
      where s.id = x.id`);
    done += rows.length;
  }
}
