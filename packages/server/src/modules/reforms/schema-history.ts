import { sql } from 'drizzle-orm';
import { check, date, doublePrecision, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { at } from '../../db/columns.js';
import { users } from '../users/api.js';
import { reformProjects, reformReports } from './schema.js';

/**
 * What a report said of a milestone the reform office has since removed from the plan: the item
 * leaves the report's live items (a milestone that is gone takes no progress) but its words stay,
 * with the milestone as it was, so the lead unit reopening a returned report sees what it wrote
 * and why it no longer counts.
 */
export const reformReportRemovedItems = pgTable(
  'reform_report_removed_items',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => reformReports.id, { onDelete: 'cascade' }),
    /** The removed milestone's id: the milestone row itself is gone. */
    milestoneId: uuid('milestone_id').notNull(),
    milestoneName: text('milestone_name').notNull(),
    weight: doublePrecision('weight').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    done: doublePrecision('done').notNull(),
    note: text('note').notNull().default(''),
    removedAt: at('removed_at').notNull().defaultNow(),
    removedBy: uuid('removed_by').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.milestoneId] })],
);

/**
 * The reform office's corrections of approved progress (进度更正): a milestone's done share set
 * lower than approved, with the reason, kept in the project's history. Progress rises only
 * through the lead unit's reports; a wrong approval comes down only this way.
 */
export const reformProgressCorrections = pgTable(
  'reform_progress_corrections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => reformProjects.id, { onDelete: 'cascade' }),
    /** The milestone corrected; it may be removed later, so its name is kept too. */
    milestoneId: uuid('milestone_id').notNull(),
    milestoneName: text('milestone_name').notNull(),
    doneBefore: doublePrecision('done_before').notNull(),
    doneAfter: doublePrecision('done_after').notNull(),
    reason: text('reason').notNull(),
    correctedBy: uuid('corrected_by').references(() => users.id),
    correctedAt: at('corrected_at').notNull().defaultNow(),
  },
  (t) => [
    index('reform_progress_corrections_project_idx').on(t.projectId, t.correctedAt),
    check(
      'reform_progress_corrections_lower_check',
      sql`${t.doneAfter} >= 0 and ${t.doneAfter} < ${t.doneBefore}`,
    ),
  ],
);
