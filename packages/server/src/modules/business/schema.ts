import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { at, created, updated } from '../../db/columns.js';
import { units } from '../units/api.js';
import { invitations, users } from '../users/api.js';

/** 统计上大中小微型企业划分办法（2017）: 大型, 中型, 小型, 微型. */
export const firmSizes = ['large', 'medium', 'small', 'micro'] as const;
export type FirmSize = (typeof firmSizes)[number];

/** A person to call at a firm; their name and phone are masked in lists and exports. */
export interface FirmContact {
  name: string;
  phone: string;
}

/**
 * The industries a firm is filed under: a list the district office keeps, seeded with the
 * sections A–T of GB/T 4754-2017 (国民经济行业分类) by the migration that made it.
 */
export const businessIndustries = pgTable('business_industries', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull().default(''),
  sort: integer('sort').notNull().default(0),
  active: boolean('active').notNull().default(true),
  createdAt: created(),
  updatedAt: updated(),
});

/** The firm registry (企业库): one row per firm, found by its unified social credit code. */
export const businessFirms = pgTable(
  'business_firms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    creditCode: text('credit_code').notNull(),
    industryCode: text('industry_code')
      .notNull()
      .references(() => businessIndustries.code),
    /** The street, town or township the firm is in: its place in the unit tree decides scope. */
    townId: uuid('town_id')
      .notNull()
      .references(() => units.id),
    size: text('size', { enum: firmSizes }).notNull(),
    contacts: jsonb('contacts').$type<FirmContact[]>().notNull().default([]),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    uniqueIndex('business_firms_credit_code_key').on(t.creditCode),
    index('business_firms_town_idx').on(t.townId),
    index('business_firms_industry_idx').on(t.industryCode),
  ],
);

/** The accounts of a firm's staff: each account belongs to one firm at most, and sees only it. */
export const businessFirmMembers = pgTable(
  'business_firm_members',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    firmId: uuid('firm_id')
      .notNull()
      .references(() => businessFirms.id, { onDelete: 'cascade' }),
    createdAt: created(),
  },
  (t) => [index('business_firm_members_firm_idx').on(t.firmId)],
);

/** Which firm an invitation (of the accounts' invitations) makes its acceptor a member of. */
export const businessFirmInvitations = pgTable(
  'business_firm_invitations',
  {
    invitationId: uuid('invitation_id')
      .notNull()
      .references(() => invitations.id, { onDelete: 'cascade' }),
    firmId: uuid('firm_id')
      .notNull()
      .references(() => businessFirms.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.invitationId] }),
    index('business_firm_invitations_firm_idx').on(t.firmId),
  ],
);

/**
 * 企业点题 → 部门答题 → 好差评: a firm's request, routed by the office to a department, answered
 * within working days, rated, rectified when rated badly. Every step is a row of
 * `business_request_events`; the request row only carries where it stands now, for lists.
 */

/**
 * Where a request stands: 待分办, 办理中, 待评价, 整改中, 已办结, and 未评价办结 when the firm let the
 * rating period pass without rating the answer (closed by the system, never rated for the firm).
 */
export const requestStatuses = [
  'submitted',
  'routed',
  'answered',
  'rectifying',
  'closed',
  'closed_unrated',
] as const;
export type RequestStatus = (typeof requestStatuses)[number];
/** Whether a request is done with: closed by a rating or an appeal, or closed unrated. */
export const isClosedStatus = (s: RequestStatus): boolean => s === 'closed' || s === 'closed_unrated';

/** Every kind of step of a request's timeline. */
export const requestEventKinds = [
  'raised',
  'routed',
  'answered',
  'extension_requested',
  'extension_approved',
  'extension_refused',
  'extension_withdrawn',
  'rated',
  'rectification_opened',
  'return_visit',
  'rectified',
  'appeal_raised',
  'appeal_upheld',
  'appeal_dismissed',
  'closed_unrated',
] as const;
export type RequestEventKind = (typeof requestEventKinds)[number];

/** An extension is withdrawn when the request is answered or re-routed while it waits. */
export const decisionStatuses = ['pending', 'approved', 'refused', 'withdrawn'] as const;
export const appealStatuses = ['pending', 'upheld', 'dismissed'] as const;
export const rectificationStatuses = ['open', 'done', 'withdrawn'] as const;
export const answerKinds = ['answer', 'rectification'] as const;

/** The kinds of request the office configures, each with its deadlines in working days. */
export const businessRequestCategories = pgTable('business_request_categories', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull().default(''),
  /** Working days a department has to answer, from routing (default 5). */
  answerWorkdays: smallint('answer_workdays').notNull().default(5),
  /** Working days a department has to rectify after a bad rating (default 15). */
  rectifyWorkdays: smallint('rectify_workdays').notNull().default(15),
  sort: integer('sort').notNull().default(0),
  active: boolean('active').notNull().default(true),
  createdAt: created(),
  updatedAt: updated(),
});

export const businessRequests = pgTable(
  'business_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    firmId: uuid('firm_id')
      .notNull()
      .references(() => businessFirms.id),
    categoryCode: text('category_code')
      .notNull()
      .references(() => businessRequestCategories.code),
    title: text('title').notNull(),
    body: text('body').notNull(),
    status: text('status', { enum: requestStatuses }).notNull().default('submitted'),
    /** The department the text engine suggested when the request came in, and its confidence. */
    suggestedDepartmentId: uuid('suggested_department_id').references(() => units.id),
    suggestionConfidence: real('suggestion_confidence'),
    /** Whether the office's first routing kept the suggestion (null until routed, or without one). */
    suggestionKept: boolean('suggestion_kept'),
    departmentId: uuid('department_id').references(() => units.id),
    /** The due date of the department's answer (or of the open rectification). */
    dueOn: date('due_on', { mode: 'string' }),
    raisedBy: uuid('raised_by').references(() => users.id),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    index('business_requests_firm_idx').on(t.firmId),
    index('business_requests_department_idx').on(t.departmentId, t.status),
    index('business_requests_status_idx').on(t.status),
  ],
);

/**
 * The timeline: one row per step, never changed but for the due dates in the data of the step a
 * request waits on, which a change of the working-day calendar counts again (deadline-recount.ts).
 */
export const businessRequestEvents = pgTable(
  'business_request_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The order of the steps: several are written in one transaction, at one timestamp. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => businessRequests.id),
    kind: text('kind', { enum: requestEventKinds }).notNull(),
    actorId: uuid('actor_id').references(() => users.id),
    /** The department the step concerns (routing, answer), when there is one. */
    departmentId: uuid('department_id').references(() => units.id),
    note: text('note').notNull().default(''),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: created(),
  },
  (t) => [index('business_request_events_request_idx').on(t.requestId, t.seq)],
);

/** A department's answer, or the result of a rectification: each is rated once. */
export const businessAnswers = pgTable(
  'business_answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => businessRequests.id),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => units.id),
    kind: text('kind', { enum: answerKinds }).notNull().default('answer'),
    body: text('body').notNull(),
    /** Whether it was given by the due date in force then. */
    onTime: boolean('on_time').notNull(),
    answeredBy: uuid('answered_by').references(() => users.id),
    createdAt: created(),
  },
  (t) => [index('business_answers_request_idx').on(t.requestId)],
);

/** 好差评: one rating per answer (1 非常不满意 … 5 非常满意). */
export const businessRatings = pgTable(
  'business_ratings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    answerId: uuid('answer_id')
      .notNull()
      .references(() => businessAnswers.id),
    requestId: uuid('request_id')
      .notNull()
      .references(() => businessRequests.id),
    score: smallint('score').notNull(),
    comment: text('comment').notNull().default(''),
    ratedBy: uuid('rated_by').references(() => users.id),
    createdAt: created(),
  },
  (t) => [
    uniqueIndex('business_ratings_answer_key').on(t.answerId),
    index('business_ratings_request_idx').on(t.requestId),
  ],
);

/** A rectification a bad rating opens: due in working days, closed by its result (an answer). */
export const businessRectifications = pgTable(
  'business_rectifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => businessRequests.id),
    ratingId: uuid('rating_id')
      .notNull()
      .references(() => businessRatings.id),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => units.id),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    status: text('status', { enum: rectificationStatuses }).notNull().default('open'),
    /** The return visit (回访): when, and what the firm said. */
    visitedOn: date('visited_on', { mode: 'string' }),
    visitNote: text('visit_note'),
    resultAnswerId: uuid('result_answer_id').references(() => businessAnswers.id),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    uniqueIndex('business_rectifications_rating_key').on(t.ratingId),
    index('business_rectifications_request_idx').on(t.requestId),
  ],
);

/** A department's request for more working days, decided by the office. */
export const businessExtensions = pgTable(
  'business_extensions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => businessRequests.id),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => units.id),
    workdays: smallint('workdays').notNull(),
    reason: text('reason').notNull(),
    status: text('status', { enum: decisionStatuses }).notNull().default('pending'),
    dueBefore: date('due_before', { mode: 'string' }).notNull(),
    dueAfter: date('due_after', { mode: 'string' }),
    decisionNote: text('decision_note'),
    requestedBy: uuid('requested_by').references(() => users.id),
    decidedBy: uuid('decided_by').references(() => users.id),
    createdAt: created(),
    decidedAt: at('decided_at'),
  },
  (t) => [
    index('business_extensions_request_idx').on(t.requestId),
    uniqueIndex('business_extensions_pending_key').on(t.requestId).where(sql`${t.status} = 'pending'`),
  ],
);

/** A department's appeal of a rating it believes malicious (恶意差评申诉), decided by the office. */
export const businessAppeals = pgTable(
  'business_appeals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ratingId: uuid('rating_id')
      .notNull()
      .references(() => businessRatings.id),
    requestId: uuid('request_id')
      .notNull()
      .references(() => businessRequests.id),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => units.id),
    reason: text('reason').notNull(),
    status: text('status', { enum: appealStatuses }).notNull().default('pending'),
    decisionNote: text('decision_note'),
    raisedBy: uuid('raised_by').references(() => users.id),
    decidedBy: uuid('decided_by').references(() => users.id),
    createdAt: created(),
    decidedAt: at('decided_at'),
  },
  (t) => [
    uniqueIndex('business_appeals_rating_key').on(t.ratingId),
    index('business_appeals_request_idx').on(t.requestId),
  ],
);

/**
 * How the published department scorecard (part 6) is computed: the deadline it holds every
 * department to, the weights of its three rates, and the cut-offs of its tiers (好 from
 * `goodFrom`, 差 below `poorBelow`). One row, kept by the district office; absent, the defaults.
 */
export const businessScorecardSettings = pgTable(
  'business_scorecard_settings',
  {
    id: smallint('id').primaryKey().default(1),
    deadlineWorkdays: smallint('deadline_workdays').notNull().default(5),
    weightResponse: doublePrecision('weight_response').notNull().default(0.3),
    weightResolution: doublePrecision('weight_resolution').notNull().default(0.3),
    weightSatisfaction: doublePrecision('weight_satisfaction').notNull().default(0.4),
    /** The latest closed survey's satisfaction share (千企万众评效能); 0 leaves it out of the score. */
    weightSurvey: doublePrecision('weight_survey').notNull().default(0),
    goodFrom: doublePrecision('good_from').notNull().default(85),
    poorBelow: doublePrecision('poor_below').notNull().default(60),
    /** Working days the firm has to rate an answer (or a rectification's result) before it closes unrated. */
    ratingWorkdays: smallint('rating_workdays').notNull().default(10),
    updatedAt: updated(),
  },
  (t) => [check('business_scorecard_settings_one_row', sql`${t.id} = 1`)],
);

export * from './schema-liaison.js';
// 招商引资 (part 8): projects, their stages and funds, the industrial chains, new market entities.
export * from './schema-projects.js';
export * from './schema-supervision.js';
export * from './schema-surveys.js';
