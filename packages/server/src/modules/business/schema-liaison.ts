import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { created, updated } from '../../db/columns.js';
import { users } from '../users/api.js';
import { businessFirms, businessRequestCategories, businessRequests } from './schema.js';

/**
 * 百名干部联千企: which cadre looks after which firm. A change of cadre ends the old pairing and
 * starts a new one, so the history stays; a firm has at most one current pairing.
 */
export const businessLiaisonPairs = pgTable(
  'business_liaison_pairs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    firmId: uuid('firm_id')
      .notNull()
      .references(() => businessFirms.id),
    cadreId: uuid('cadre_id')
      .notNull()
      .references(() => users.id),
    pairedOn: date('paired_on', { mode: 'string' }).notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
    assignedBy: uuid('assigned_by').references(() => users.id),
    createdAt: created(),
  },
  (t) => [
    uniqueIndex('business_liaison_pairs_current_key').on(t.firmId).where(sql`${t.endedOn} is null`),
    index('business_liaison_pairs_cadre_idx').on(t.cadreId),
  ],
);

/** How often a paired firm is to be visited, and how early a coming visit is flagged. One row. */
export const businessLiaisonSettings = pgTable(
  'business_liaison_settings',
  {
    id: smallint('id').primaryKey().default(1),
    visitEveryDays: smallint('visit_every_days').notNull().default(90),
    dueSoonDays: smallint('due_soon_days').notNull().default(14),
    updatedAt: updated(),
  },
  (t) => [check('business_liaison_settings_one_row', sql`${t.id} = 1`)],
);

/** A cadre's visit to a firm (走访): never changed once logged. */
export const businessLiaisonVisits = pgTable(
  'business_liaison_visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    firmId: uuid('firm_id')
      .notNull()
      .references(() => businessFirms.id),
    cadreId: uuid('cadre_id')
      .notNull()
      .references(() => users.id),
    visitedOn: date('visited_on', { mode: 'string' }).notNull(),
    attendees: text('attendees').notNull(),
    topics: text('topics').notNull(),
    createdAt: created(),
  },
  (t) => [index('business_liaison_visits_firm_idx').on(t.firmId, t.visitedOn)],
);

/** An issue the firm raised in a visit; raised as a request in the same step, it links to it. */
export const businessLiaisonIssues = pgTable(
  'business_liaison_issues',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    visitId: uuid('visit_id')
      .notNull()
      .references(() => businessLiaisonVisits.id),
    seq: smallint('seq').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    categoryCode: text('category_code').references(() => businessRequestCategories.code),
    requestId: uuid('request_id').references(() => businessRequests.id),
  },
  (t) => [uniqueIndex('business_liaison_issues_visit_key').on(t.visitId, t.seq)],
);
