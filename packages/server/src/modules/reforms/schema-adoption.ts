import { index, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
import { created } from '../../db/columns.js';
import { ideaSuggestions } from '../ideas/api.js';
import { users } from '../users/api.js';
import { reformProjects } from './schema.js';

/**
 * The campaign's adopted suggestions a reform project came from (采纳转化): the suggestion's
 * public page shows the project's progress, and its author and supporters hear of each change.
 */
export const reformProjectSuggestions = pgTable(
  'reform_project_suggestions',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => reformProjects.id, { onDelete: 'cascade' }),
    suggestionId: uuid('suggestion_id')
      .notNull()
      .references(() => ideaSuggestions.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: created(),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.suggestionId] }),
    index('reform_project_suggestions_suggestion_idx').on(t.suggestionId),
  ],
);
