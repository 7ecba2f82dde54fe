import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { at, created, updated } from '../../db/columns.js';
import { units } from '../units/api.js';
import { users } from '../users/api.js';

/** Where a project's task comes from: a national or municipal plan taken over, or the district's own. */
export const projectSources = ['national', 'municipal', 'local'] as const;
export const pilotLevels = ['national', 'municipal'] as const;
export const pilotStatuses = ['applying', 'underway', 'accepted', 'closed'] as const;
export const reportStatuses = ['draft', 'submitted', 'approved', 'returned'] as const;
export const reminderKinds = ['milestone', 'report'] as const;

/** A reform list (改革清单): configurable, three in the district today. */
export const reformLists = pgTable(
  'reform_lists',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    sort: integer('sort').notNull().default(0),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [uniqueIndex('reform_lists_name_key').on(t.name)],
);

/** A reform project on a list, led by one unit; a pilot (试点) has a level and a status. */
export const reformProjects = pgTable(
  'reform_projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    listId: uuid('list_id')
      .notNull()
      .references(() => reformLists.id),
    source: text('source', { enum: projectSources }).notNull(),
    leadUnitId: uuid('lead_unit_id')
      .notNull()
      .references(() => units.id),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    goal: text('goal').notNull().default(''),
    pilotLevel: text('pilot_level', { enum: pilotLevels }),
    pilotStatus: text('pilot_status', { enum: pilotStatuses }),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    uniqueIndex('reform_projects_code_key').on(t.code),
    index('reform_projects_list_idx').on(t.listId),
    index('reform_projects_lead_idx').on(t.leadUnitId),
    check('reform_projects_dates_check', sql`${t.endDate} >= ${t.startDate}`),
    check('reform_projects_pilot_check', sql`(${t.pilotLevel} is null) = (${t.pilotStatus} is null)`),
  ],
);

/** The units that work with the lead unit on a project (配合单位). */
export const reformProjectUnits = pgTable(
  'reform_project_units',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => reformProjects.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.unitId] }),
    index('reform_project_units_unit_idx').on(t.unitId),
  ],
);

/**
 * A weighted milestone (节点) of a project with its due date. `done` (0..1) changes only when the
 * reform office approves a report that gives it.
 */
export const reformMilestones = pgTable(
  'reform_milestones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => reformProjects.id, { onDelete: 'cascade' }),
    sort: integer('sort').notNull().default(0),
    name: text('name').notNull(),
    weight: doublePrecision('weight').notNull().default(1),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    done: doublePrecision('done').notNull().default(0),
    doneAt: at('done_at'),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    index('reform_milestones_project_idx').on(t.projectId, t.sort),
    index('reform_milestones_due_idx').on(t.dueDate),
    check('reform_milestones_weight_check', sql`${t.weight} > 0`),
    check('reform_milestones_done_check', sql`${t.done} >= 0 and ${t.done} <= 1`),
  ],
);

/** The lead unit's monthly progress report (月度进展) of a project, reviewed by the reform office. */
export const reformReports = pgTable(
  'reform_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => reformProjects.id),
    /** YYYY-MM. */
    period: text('period').notNull(),
    status: text('status', { enum: reportStatuses }).notNull().default('draft'),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    late: boolean('late').notNull().default(false),
    summary: text('summary').notNull().default(''),
    problems: text('problems').notNull().default(''),
    returnReason: text('return_reason'),
    submittedAt: at('submitted_at'),
    submittedBy: uuid('submitted_by').references(() => users.id),
    reviewedAt: at('reviewed_at'),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    uniqueIndex('reform_reports_project_period_key').on(t.projectId, t.period),
    index('reform_reports_status_idx').on(t.status),
  ],
);

/** What a report says of each milestone: how much of it is done (0..1) and a note. */
export const reformReportItems = pgTable(
  'reform_report_items',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => reformReports.id, { onDelete: 'cascade' }),
    milestoneId: uuid('milestone_id')
      .notNull()
      .references(() => reformMilestones.id, { onDelete: 'cascade' }),
    done: doublePrecision('done').notNull(),
    note: text('note').notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.reportId, t.milestoneId] }),
    check('reform_report_items_done_check', sql`${t.done} >= 0 and ${t.done} <= 1`),
  ],
);

/** Reminders sent, one per subject and due date, so a reminder goes out once however often the job runs. */
export const reformReminders = pgTable(
  'reform_reminders',
  {
    kind: text('kind', { enum: reminderKinds }).notNull(),
    subjectId: uuid('subject_id').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    sentAt: at('sent_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.subjectId, t.dueDate] })],
);

export * from './schema-adoption.js';
export * from './schema-battles.js';
export * from './schema-history.js';
export * from './schema-study.js';
