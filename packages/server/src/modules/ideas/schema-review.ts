import {
  doublePrecision,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { at, created } from '../../db/columns.js';
import { units } from '../units/api.js';
import { users } from '../users/api.js';
import { ideaSuggestions } from './schema.js';

/** An expert's review of one suggestion: scores per rubric criterion (1–10) and a comment. */
export const ideaReviews = pgTable(
  'idea_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    suggestionId: uuid('suggestion_id')
      .notNull()
      .references(() => ideaSuggestions.id),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => users.id),
    scores: jsonb('scores').$type<Record<string, number>>(),
    total: doublePrecision('total'),
    comment: text('comment'),
    assignedAt: created(),
    submittedAt: at('submitted_at'),
  },
  (t) => [
    uniqueIndex('idea_reviews_pair_key').on(t.suggestionId, t.expertId),
    index('idea_reviews_expert_idx').on(t.expertId),
  ],
);

/** Units an expert has declared a conflict of interest with. */
export const ideaExpertConflicts = pgTable(
  'idea_expert_conflicts',
  {
    expertId: uuid('expert_id')
      .notNull()
      .references(() => users.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
  },
  (t) => [primaryKey({ columns: [t.expertId, t.unitId] })],
);
