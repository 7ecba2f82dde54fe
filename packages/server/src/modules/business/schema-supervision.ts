import { index, pgTable, real, text, uuid } from 'drizzle-orm/pg-core';
import { at, created } from '../../db/columns.js';
import { units } from '../units/api.js';
import { users } from '../users/api.js';
import { businessRequests } from './schema.js';

export const supervisionKinds = ['note', 'reminder'] as const;
/**
 * Why a reminder was closed without an acknowledgement: the request went to another department,
 * or it closed (rated, an appeal upheld, the rating period over) and no department owes anything.
 */
export const reminderClosings = ['rerouted', 'requestClosed'] as const;
export type ReminderClosing = (typeof reminderClosings)[number];

/**
 * 纪委监督 on a request: the commission's notes (read by the office and the commission) and its
 * formal reminders (督办), addressed to the department that holds the request, which must
 * acknowledge each once. Never changed but for the acknowledgement, or for its closing when the
 * request is re-routed before the department acknowledged it (that department no longer sees it)
 * or closes before then (there is nothing left for the department to do about it).
 */
export const businessSupervision = pgTable(
  'business_supervision',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => businessRequests.id),
    kind: text('kind', { enum: supervisionKinds }).notNull(),
    body: text('body').notNull(),
    departmentId: uuid('department_id').references(() => units.id),
    issuedBy: uuid('issued_by').references(() => users.id),
    createdAt: created(),
    acknowledgedAt: at('acknowledged_at'),
    acknowledgedBy: uuid('acknowledged_by').references(() => users.id),
    acknowledgement: text('acknowledgement'),
    closedAt: at('closed_at'),
    closedReason: text('closed_reason', { enum: reminderClosings }),
  },
  (t) => [index('business_supervision_request_idx').on(t.requestId)],
);

/**
 * A request that raises again an issue its firm raised before (纪委监督's repeated requests): the
 * earlier request the text engine's near-duplicate decision matched, found when it was raised.
 */
export const businessRequestRepeats = pgTable(
  'business_request_repeats',
  {
    requestId: uuid('request_id')
      .primaryKey()
      .references(() => businessRequests.id),
    repeatOf: uuid('repeat_of')
      .notNull()
      .references(() => businessRequests.id),
    similarity: real('similarity').notNull(),
  },
  (t) => [index('business_request_repeats_of_idx').on(t.repeatOf)],
);
