import { index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { created } from '../../db/columns.js';
import { users } from '../users/api.js';
import { ideaSuggestions } from './schema.js';

/** A signed-in person following a suggestion: they hear of each change of its state in their inbox. */
export const ideaFollows = pgTable(
  'idea_follows',
  {
    suggestionId: uuid('suggestion_id')
      .notNull()
      .references(() => ideaSuggestions.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: created(),
  },
  (t) => [primaryKey({ columns: [t.suggestionId, t.userId] }), index('idea_follows_user_idx').on(t.userId)],
);

/**
 * The module's secrets, made once on first use: `phone` keys the hash of supporters' phones, so
 * the supports table alone (an export, a copy) cannot be turned back into numbers by trying every
 * mobile number. `QIANXING_PHONE_HASH_KEY` replaces it where a deployment keeps keys elsewhere.
 */
export const ideaSecrets = pgTable('idea_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: created(),
});
