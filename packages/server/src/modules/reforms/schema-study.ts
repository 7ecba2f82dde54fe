import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { at, created, updated } from '../../db/columns.js';
import { units } from '../units/api.js';
import { users } from '../users/api.js';
import { reformProjects } from './schema.js';

/** A study visit's life: planned by the reform office, done once the trip is over, reported once the report is in. */
export const studyVisitStatuses = ['planned', 'done', 'reported'] as const;
export const studySessionForms = ['online', 'offline'] as const;

/**
 * A study visit (跳出黔江看黔江): a delegation of an organising unit to other places, on topics the
 * district wants to learn from. The learning report's summary is kept here; its file is an
 * attachment of the visit (`reformStudyReport`).
 */
export const reformStudyVisits = pgTable(
  'reform_study_visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** Place names visited (梁平区、丰都县、石柱县 …), in the order of the trip. */
    destinations: text('destinations').array().notNull(),
    topics: text('topics').array().notNull().default(sql`'{}'::text[]`),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    status: text('status', { enum: studyVisitStatuses }).notNull().default('planned'),
    reportSummary: text('report_summary').notNull().default(''),
    reportedAt: at('reported_at'),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    index('reform_study_visits_unit_idx').on(t.unitId),
    index('reform_study_visits_status_idx').on(t.status, t.startDate),
    check('reform_study_visits_dates_check', sql`${t.endDate} >= ${t.startDate}`),
  ],
);

/** A member of a visit's delegation: an account where there is one, else a name; always a unit. */
export const reformStudyMembers = pgTable(
  'reform_study_members',
  {
    visitId: uuid('visit_id')
      .notNull()
      .references(() => reformStudyVisits.id, { onDelete: 'cascade' }),
    sort: integer('sort').notNull(),
    userId: uuid('user_id').references(() => users.id),
    name: text('name').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
  },
  (t) => [primaryKey({ columns: [t.visitId, t.sort] })],
);

/** A practice learned on a visit, from one of its destinations. */
export const reformStudyPractices = pgTable(
  'reform_study_practices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    visitId: uuid('visit_id')
      .notNull()
      .references(() => reformStudyVisits.id, { onDelete: 'cascade' }),
    sort: integer('sort').notNull().default(0),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    sourcePlace: text('source_place').notNull(),
    createdAt: created(),
  },
  (t) => [index('reform_study_practices_visit_idx').on(t.visitId, t.sort)],
);

/** The reform projects a practice inspired. */
export const reformStudyPracticeProjects = pgTable(
  'reform_study_practice_projects',
  {
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => reformStudyPractices.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => reformProjects.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.projectId] }),
    index('reform_study_practice_projects_project_idx').on(t.projectId),
  ],
);

/** An insight (启示) the delegation drew for the district. */
export const reformStudyInsights = pgTable(
  'reform_study_insights',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    visitId: uuid('visit_id')
      .notNull()
      .references(() => reformStudyVisits.id, { onDelete: 'cascade' }),
    sort: integer('sort').notNull().default(0),
    text: text('text').notNull(),
  },
  (t) => [index('reform_study_insights_visit_idx').on(t.visitId, t.sort)],
);

/** A learning session for cadres (online or offline), with its materials as attachments. */
export const reformStudySessions = pgTable(
  'reform_study_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    form: text('form', { enum: studySessionForms }).notNull(),
    /** The day and its hours in the district's time (Beijing time), as the notice gives them. */
    date: date('date', { mode: 'string' }).notNull(),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    /** A room, or the meeting's name for an online session. */
    place: text('place').notNull().default(''),
    teacher: text('teacher').notNull(),
    topic: text('topic').notNull().default(''),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    index('reform_study_sessions_date_idx').on(t.date),
    check('reform_study_sessions_times_check', sql`${t.endTime} > ${t.startTime}`),
  ],
);

/** Who attended a session, and who marked it (the cadre themself or the organiser). */
export const reformStudyAttendance = pgTable(
  'reform_study_attendance',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => reformStudySessions.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    markedBy: uuid('marked_by').references(() => users.id),
    markedAt: at('marked_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.userId] }),
    index('reform_study_attendance_user_idx').on(t.userId),
  ],
);
