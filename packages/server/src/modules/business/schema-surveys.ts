import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { created, updated } from '../../db/columns.js';
import { units } from '../units/api.js';
import { users } from '../users/api.js';
import { businessFirms } from './schema.js';

/** 千企万众评效能: a survey is drafted, opened to answers, then closed and its results published. */
export const surveyStatuses = ['draft', 'open', 'closed'] as const;
export type SurveyStatus = (typeof surveyStatuses)[number];
/** Who may answer: firms (their staff, once per firm), the public (once per verified phone), or both. */
export const surveyAudiences = ['firms', 'public', 'both'] as const;
export const respondentKinds = ['firm', 'public'] as const;
export type RespondentKind = (typeof respondentKinds)[number];

/** One five-level question (1 很不满意 … 5 很满意), in both languages. */
export interface SurveyQuestion {
  id: string;
  text: string;
  textEn: string;
}

export const businessSurveys = pgTable(
  'business_surveys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    opensOn: date('opens_on', { mode: 'string' }).notNull(),
    closesOn: date('closes_on', { mode: 'string' }).notNull(),
    audience: text('audience', { enum: surveyAudiences }).notNull(),
    status: text('status', { enum: surveyStatuses }).notNull().default('draft'),
    /** The questions every department of the survey is asked. */
    questions: jsonb('questions').$type<SurveyQuestion[]>().notNull(),
    /**
     * Mixed into the hash of a respondent's phone, so the same phone is not linkable from one
     * survey to the next; never leaves the server.
     */
    phoneSalt: text('phone_salt').notNull(),
    /** The day it was closed (China Standard Time): from then on its results count on the scorecard. */
    closedOn: date('closed_on', { mode: 'string' }),
    createdBy: uuid('created_by').references(() => users.id),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    index('business_surveys_status_idx').on(t.status, t.closedOn),
    check('business_surveys_dates', sql`${t.opensOn} <= ${t.closesOn}`),
  ],
);

/** The departments a survey asks about, each with its own extra questions (none by default). */
export const businessSurveyDepartments = pgTable(
  'business_survey_departments',
  {
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => businessSurveys.id, { onDelete: 'cascade' }),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => units.id),
    extraQuestions: jsonb('extra_questions').$type<SurveyQuestion[]>().notNull().default([]),
  },
  (t) => [primaryKey({ columns: [t.surveyId, t.departmentId] })],
);

/**
 * One answer to a survey: by a firm (once per firm, whichever of its staff answers) or by a member
 * of the public (once per phone, kept only as a salted hash). The unique indexes decide races.
 */
export const businessSurveyResponses = pgTable(
  'business_survey_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => businessSurveys.id),
    kind: text('kind', { enum: respondentKinds }).notNull(),
    firmId: uuid('firm_id').references(() => businessFirms.id),
    phoneHash: text('phone_hash'),
    answeredBy: uuid('answered_by').references(() => users.id),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: created(),
  },
  (t) => [
    uniqueIndex('business_survey_responses_firm_key')
      .on(t.surveyId, t.firmId)
      .where(sql`${t.firmId} is not null`),
    uniqueIndex('business_survey_responses_phone_key')
      .on(t.surveyId, t.phoneHash)
      .where(sql`${t.phoneHash} is not null`),
    check(
      'business_survey_responses_one_respondent',
      sql`(${t.kind} = 'firm' and ${t.firmId} is not null and ${t.phoneHash} is null)
        or (${t.kind} = 'public' and ${t.phoneHash} is not null and ${t.firmId} is null)`,
    ),
  ],
);

/** The scores of an answer, one row per department and question, for the results' sums. */
export const businessSurveyScores = pgTable(
  'business_survey_scores',
  {
    responseId: uuid('response_id')
      .notNull()
      .references(() => businessSurveyResponses.id, { onDelete: 'cascade' }),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => businessSurveys.id),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => units.id),
    questionId: text('question_id').notNull(),
    kind: text('kind', { enum: respondentKinds }).notNull(),
    score: smallint('score').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.responseId, t.departmentId, t.questionId] }),
    index('business_survey_scores_survey_idx').on(t.surveyId, t.departmentId),
    check('business_survey_scores_range', sql`${t.score} between 1 and 5`),
  ],
);

/** A respondent's comment on a department (numbers in it masked); read by the office only. */
export const businessSurveyComments = pgTable(
  'business_survey_comments',
  {
    responseId: uuid('response_id')
      .notNull()
      .references(() => businessSurveyResponses.id, { onDelete: 'cascade' }),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => businessSurveys.id),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => units.id),
    body: text('body').notNull(),
    createdAt: created(),
  },
  (t) => [
    primaryKey({ columns: [t.responseId, t.departmentId] }),
    index('business_survey_comments_survey_idx').on(t.surveyId, t.departmentId),
  ],
);
