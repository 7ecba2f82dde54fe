import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { at, created, updated } from '../../db/columns.js';
import { businessFirms } from '../business/api.js';
import { units } from '../units/api.js';
import { users } from '../users/api.js';
import { inspectionTasks } from './schema.js';

export const planStatuses = ['draft', 'published'] as const;
export type PlanStatus = (typeof planStatuses)[number];
export const visitStatuses = ['planned', 'started', 'completed'] as const;
export type VisitStatus = (typeof visitStatuses)[number];

/** A planned inspection the planner could not book, and why (a code the web app words). */
export interface UnplannedSource {
  taskId: string;
  firmId: string;
  unitId: string;
  code: string;
  /** The drawn inspectors who keep it from being booked (inactive, in conflict, or never free). */
  inspectorIds?: string[];
}

/**
 * A joint-inspection plan (综合查一次) of a period: the drawn tasks due in it merged into joint
 * visits. Drafted by the office, adjusted by hand, then published to the firms. The figures the
 * plan is judged by (separate visits replaced, the lower bound) are fixed when it is made: moving
 * a visit changes neither.
 */
export const inspectionPlans = pgTable(
  'inspection_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    status: text('status', { enum: planStatuses }).notNull().default('draft'),
    /** Per department, its items in one visit take at most this many hours together. */
    maxHoursPerVisit: doublePrecision('max_hours_per_visit').notNull(),
    inspectorsPerVisit: integer('inspectors_per_visit').notNull(),
    /** Visits an inspector can make in a day. */
    capacityPerDay: integer('capacity_per_day').notNull(),
    /** One visit per drawn firm of a task: what the plan replaces. */
    separateVisits: integer('separate_visits').notNull(),
    /** No plan of these inspections has fewer visits. */
    lowerBound: integer('lower_bound').notNull(),
    unplanned: jsonb('unplanned').$type<UnplannedSource[]>().notNull().default([]),
    publishedAt: at('published_at'),
    publishedBy: uuid('published_by').references(() => users.id),
    createdBy: uuid('created_by').references(() => users.id),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    index('inspection_plans_period_idx').on(t.periodStart),
    check('inspection_plans_period_check', sql`${t.periodEnd} >= ${t.periodStart}`),
    check(
      'inspection_plans_published_check',
      sql`(${t.status} = 'published') = (${t.publishedAt} is not null)`,
    ),
  ],
);

/**
 * A joint visit: one firm, one date, one team of inspectors covering all its items. Once its plan
 * is published the team starts and completes it (the visit workflow); its code is the token the
 * firm scans to check who came and what they may check (亮码检查): 122 random bits from
 * PostgreSQL's gen_random_uuid, made for every row however it is inserted.
 */
export const inspectionVisits = pgTable(
  'inspection_visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => inspectionPlans.id, { onDelete: 'cascade' }),
    firmId: uuid('firm_id')
      .notNull()
      .references(() => businessFirms.id),
    date: date('date', { mode: 'string' }).notNull(),
    inspectorIds: uuid('inspector_ids').array().notNull(),
    status: text('status', { enum: visitStatuses }).notNull().default('planned'),
    code: text('code').notNull().default(sql`replace(gen_random_uuid()::text, '-', '')`),
    startedAt: at('started_at'),
    startedBy: uuid('started_by').references(() => users.id),
    completedAt: at('completed_at'),
    completedBy: uuid('completed_by').references(() => users.id),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    index('inspection_visits_plan_idx').on(t.planId, t.date),
    index('inspection_visits_firm_idx').on(t.firmId, t.date),
    uniqueIndex('inspection_visits_code_key').on(t.code),
    check(
      'inspection_visits_status_check',
      sql`(${t.status} = 'planned') = (${t.startedAt} is null) and (${t.status} = 'completed') = (${t.completedAt} is not null)`,
    ),
  ],
);

/**
 * The planned inspections a visit carries: one department's share of a drawn firm of a task,
 * with the items it checks. Each is planned once, whatever the plan.
 */
export const inspectionVisitSources = pgTable(
  'inspection_visit_sources',
  {
    visitId: uuid('visit_id')
      .notNull()
      .references(() => inspectionVisits.id, { onDelete: 'cascade' }),
    taskId: uuid('task_id')
      .notNull()
      .references(() => inspectionTasks.id),
    firmId: uuid('firm_id')
      .notNull()
      .references(() => businessFirms.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    itemIds: uuid('item_ids').array().notNull(),
    hours: doublePrecision('hours').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.taskId, t.firmId, t.unitId] }),
    index('inspection_visit_sources_visit_idx').on(t.visitId),
  ],
);
