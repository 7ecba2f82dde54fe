import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { at, created, updated } from '../../db/columns.js';
import { users } from '../users/api.js';
import { inspectionItems } from './schema.js';
import { inspectionVisits } from './schema-plans.js';

export const findingResults = ['compliant', 'issue', 'not_applicable'] as const;
export type FindingResult = (typeof findingResults)[number];

/**
 * What the team found on one item of a visit (检查结果): compliant, an issue, or not applicable,
 * with a note. An issue carries a rectification requirement (整改要求) and a deadline in working
 * days, which becomes a due date when the visit is completed and the firm is told; the firm's
 * staff then confirm the rectification done, with a note (and photos, through the attachments),
 * and the item's department verifies it: accepted (整改验收通过) it is closed for good; returned
 * (退回重新整改) with a reason, the firm's report is cleared and the rectification is open again
 * against its original due date, the last return kept for the firm and the verifier to read.
 */
export const inspectionFindings = pgTable(
  'inspection_findings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    visitId: uuid('visit_id')
      .notNull()
      .references(() => inspectionVisits.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id')
      .notNull()
      .references(() => inspectionItems.id),
    result: text('result', { enum: findingResults }).notNull(),
    note: text('note').notNull().default(''),
    requirement: text('requirement'),
    deadlineDays: integer('deadline_days'),
    /** The deadline's working days counted from the day the visit was completed. */
    dueDate: date('due_date', { mode: 'string' }),
    recordedBy: uuid('recorded_by').references(() => users.id),
    rectifiedAt: at('rectified_at'),
    rectifiedBy: uuid('rectified_by').references(() => users.id),
    rectificationNote: text('rectification_note'),
    /** The department's acceptance of the reported rectification (整改验收), which closes it. */
    verifiedAt: at('verified_at'),
    verifiedBy: uuid('verified_by').references(() => users.id),
    /** The last return of a report (退回重新整改) and why; kept after the firm reports again. */
    returnedAt: at('returned_at'),
    returnedBy: uuid('returned_by').references(() => users.id),
    returnReason: text('return_reason'),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    uniqueIndex('inspection_findings_visit_item_key').on(t.visitId, t.itemId),
    index('inspection_findings_due_idx').on(t.dueDate),
    check(
      'inspection_findings_issue_check',
      sql`(${t.result} = 'issue') = (${t.requirement} is not null) and (${t.requirement} is null) = (${t.deadlineDays} is null)`,
    ),
    check('inspection_findings_deadline_check', sql`${t.deadlineDays} between 1 and 60`),
    check(
      'inspection_findings_rectified_check',
      sql`(${t.rectifiedAt} is null or ${t.result} = 'issue') and (${t.rectifiedAt} is null) = (${t.rectificationNote} is null)`,
    ),
    // Only a reported rectification is accepted, and only an issue's is returned, with a reason.
    check(
      'inspection_findings_verified_check',
      sql`(${t.verifiedAt} is null or ${t.rectifiedAt} is not null) and (${t.verifiedAt} is null) = (${t.verifiedBy} is null) and (${t.returnedAt} is null or ${t.result} = 'issue') and (${t.returnedAt} is null) = (${t.returnReason} is null)`,
    ),
  ],
);

/** A firm's rating of a completed visit (1–5 and an optional comment), once per visit. */
export const inspectionVisitRatings = pgTable(
  'inspection_visit_ratings',
  {
    visitId: uuid('visit_id')
      .primaryKey()
      .references(() => inspectionVisits.id, { onDelete: 'cascade' }),
    score: smallint('score').notNull(),
    comment: text('comment'),
    ratedBy: uuid('rated_by').references(() => users.id),
    createdAt: created(),
  },
  (t) => [check('inspection_visit_ratings_score_check', sql`${t.score} between 1 and 5`)],
);

/**
 * A published visit moved to another day before it started (改期), with the reason the office
 * gave: the visit's history, read on its page. The team stays the drawn one.
 */
export const inspectionVisitMoves = pgTable(
  'inspection_visit_moves',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    visitId: uuid('visit_id')
      .notNull()
      .references(() => inspectionVisits.id, { onDelete: 'cascade' }),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    movedBy: uuid('moved_by').references(() => users.id),
    createdAt: created(),
  },
  (t) => [
    index('inspection_visit_moves_visit_idx').on(t.visitId, t.createdAt),
    check('inspection_visit_moves_dates_check', sql`${t.fromDate} <> ${t.toDate}`),
  ],
);
