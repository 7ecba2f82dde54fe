import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { at, created, updated } from '../../db/columns.js';
import { businessFirms } from '../business/api.js';
import { units } from '../units/api.js';
import { users } from '../users/api.js';

export const riskLevels = ['high', 'medium', 'low'] as const;
export type RiskLevel = (typeof riskLevels)[number];
export const taskStatuses = ['draft', 'announced', 'drawn'] as const;
export type TaskStatus = (typeof taskStatuses)[number];

/** An inspection item (检查事项) of a department's list: what is checked, by which law, by whom, how long. */
export const inspectionItems = pgTable(
  'inspection_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    legalBasis: text('legal_basis').notNull(),
    /** The qualification an inspector needs to check it (执法资格), or none. */
    qualification: text('qualification'),
    expectedMinutes: integer('expected_minutes').notNull(),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    uniqueIndex('inspection_items_code_key').on(t.code),
    index('inspection_items_unit_idx').on(t.unitId),
    check('inspection_items_minutes_check', sql`${t.expectedMinutes} between 1 and 480`),
  ],
);

/**
 * An inspector (执法检查人员): an account of a department, with the qualifications it holds and
 * the weekdays it works (ISO, 1 = Monday), which joint planning will use.
 */
export const inspectionInspectors = pgTable(
  'inspection_inspectors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    qualifications: text('qualifications').array().notNull().default(sql`'{}'`),
    workingDays: smallint('working_days').array().notNull().default(sql`'{1,2,3,4,5}'`),
    /** Taken out of the pools (leave, transfer) without losing its past draws. */
    active: boolean('active').notNull().default(true),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    uniqueIndex('inspection_inspectors_user_key').on(t.userId),
    index('inspection_inspectors_unit_idx').on(t.unitId),
  ],
);

/** A firm an inspector declared they must not inspect (回避: kin, former employer, a stake). */
export const inspectionConflicts = pgTable(
  'inspection_conflicts',
  {
    inspectorId: uuid('inspector_id')
      .notNull()
      .references(() => inspectionInspectors.id, { onDelete: 'cascade' }),
    firmId: uuid('firm_id')
      .notNull()
      .references(() => businessFirms.id),
  },
  (t) => [
    primaryKey({ columns: [t.inspectorId, t.firmId] }),
    index('inspection_conflicts_firm_idx').on(t.firmId),
  ],
);

/** A firm's standing for inspections: its risk level and the dates it cannot be visited. */
export const inspectionFirmProfiles = pgTable(
  'inspection_firm_profiles',
  {
    firmId: uuid('firm_id')
      .primaryKey()
      .references(() => businessFirms.id),
    risk: text('risk', { enum: riskLevels }).notNull(),
    blockedDates: date('blocked_dates', { mode: 'string' }).array().notNull().default(sql`'{}'`),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [index('inspection_firm_profiles_risk_idx').on(t.risk)],
);

/**
 * A random-draw task (双随机抽查任务) of one department or several (a joint task). Announcing it
 * freezes the pools into `input` (without the seed), draws a secret seed and publishes its
 * SHA-256; drawing reveals the seed and stores the result. The seed is never readable before.
 */
export const inspectionTasks = pgTable(
  'inspection_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    status: text('status', { enum: taskStatuses }).notNull().default('draft'),
    /** Firms to draw per risk level, e.g. {"high": 5, "medium": 3}. */
    sample: jsonb('sample').$type<Record<string, number>>().notNull(),
    inspectorsPerVisit: integer('inspectors_per_visit').notNull(),
    /** Qualifications asked on top of those the items need. */
    qualifications: text('qualifications').array().notNull().default(sql`'{}'`),
    /** The period the drawn inspections are to be done in (joint planning reads it). */
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    seedHash: text('seed_hash'),
    seed: text('seed'),
    /** The draw's input as `qianxing verify-draw --input` reads it (the seed added once revealed). */
    input: jsonb('input'),
    result: jsonb('result'),
    announcedAt: at('announced_at'),
    announcedBy: uuid('announced_by').references(() => users.id),
    drawnAt: at('drawn_at'),
    drawnBy: uuid('drawn_by').references(() => users.id),
    createdBy: uuid('created_by').references(() => users.id),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    index('inspection_tasks_status_idx').on(t.status, t.announcedAt),
    check('inspection_tasks_period_check', sql`${t.periodEnd} >= ${t.periodStart}`),
    check('inspection_tasks_team_check', sql`${t.inspectorsPerVisit} between 1 and 10`),
    // Commit, then reveal: the seed and its hash are made together at the announcement, the
    // result only with the draw (the seed is shown only then). A trigger of the migration keeps
    // both from ever changing once set.
    check(
      'inspection_tasks_commit_check',
      sql`(${t.status} = 'draft') = (${t.seedHash} is null) and (${t.seedHash} is null) = (${t.seed} is null) and (${t.status} = 'drawn') = (${t.result} is not null) and (${t.result} is null) = (${t.drawnAt} is null)`,
    ),
  ],
);

/** The departments of a task: one, or several for a joint task (综合查一次). */
export const inspectionTaskUnits = pgTable(
  'inspection_task_units',
  {
    taskId: uuid('task_id')
      .notNull()
      .references(() => inspectionTasks.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
  },
  (t) => [
    primaryKey({ columns: [t.taskId, t.unitId] }),
    index('inspection_task_units_unit_idx').on(t.unitId),
  ],
);

/** The items a task checks at each drawn firm. */
export const inspectionTaskItems = pgTable(
  'inspection_task_items',
  {
    taskId: uuid('task_id')
      .notNull()
      .references(() => inspectionTasks.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id')
      .notNull()
      .references(() => inspectionItems.id),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.itemId] })],
);

/**
 * One drawn firm of a task with its drawn team: the planned inspection that joint planning
 * merges into visits (a later part links it to its visit).
 */
export const inspectionDrawnFirms = pgTable(
  'inspection_drawn_firms',
  {
    taskId: uuid('task_id')
      .notNull()
      .references(() => inspectionTasks.id),
    firmId: uuid('firm_id')
      .notNull()
      .references(() => businessFirms.id),
    risk: text('risk', { enum: riskLevels }).notNull(),
    inspectorIds: uuid('inspector_ids').array().notNull(),
    createdAt: created(),
  },
  (t) => [
    primaryKey({ columns: [t.taskId, t.firmId] }),
    index('inspection_drawn_firms_firm_idx').on(t.firmId),
  ],
);

export * from './schema-plans.js';
export * from './schema-visits.js';
