import { projectStages } from '@qianxing/core/business';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { created, updated } from '../../db/columns.js';
import { units } from '../units/api.js';
import { users } from '../users/api.js';
import { businessFirms } from './schema.js';

/**
 * The district's industrial-chain working groups (产业链工作专班): a list the office keeps, filled
 * with seven groups the first time it is needed (not by a migration, so a restore starts empty).
 */
export const businessIndustrialChains = pgTable('business_industrial_chains', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull().default(''),
  sort: integer('sort').notNull().default(0),
  active: boolean('active').notNull().default(true),
  createdAt: created(),
  updatedAt: updated(),
});

/**
 * A signed investment project (招商引资项目): who invests (a firm of the registry when it is
 * one), how much (万元), in which industrial chain, the unit that leads its service and its
 * service commissioner (服务专员). Signing is its first stage; the later ones are events.
 */
export const businessProjects = pgTable(
  'business_projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    investor: text('investor').notNull(),
    firmId: uuid('firm_id').references(() => businessFirms.id),
    /** 万元, whole. */
    amount: bigint('amount', { mode: 'number' }).notNull(),
    chainCode: text('chain_code')
      .notNull()
      .references(() => businessIndustrialChains.code),
    commissionerId: uuid('commissioner_id')
      .notNull()
      .references(() => users.id),
    leadUnitId: uuid('lead_unit_id')
      .notNull()
      .references(() => units.id),
    signedOn: date('signed_on', { mode: 'string' }).notNull(),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    index('business_projects_signed_idx').on(t.signedOn),
    index('business_projects_commissioner_idx').on(t.commissionerId),
    check('business_projects_amount_positive', sql`${t.amount} > 0`),
  ],
);

/** The stages after signing that a project reaches. */
export const laterStages = projectStages.filter((s) => s !== 'signed') as Exclude<
  (typeof projectStages)[number],
  'signed'
>[];

/**
 * The date a project reached a stage, append-only: a correction is a new row for the same stage,
 * and the latest row of each stage is the one that counts, so the record of what was said when
 * stays (the audit log names both).
 */
export const businessProjectStages = pgTable(
  'business_project_stages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => businessProjects.id),
    stage: text('stage', { enum: laterStages as [string, ...string[]] }).notNull(),
    reachedOn: date('reached_on', { mode: 'string' }).notNull(),
    note: text('note').notNull().default(''),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: created(),
  },
  (t) => [index('business_project_stages_project_idx').on(t.projectId, t.createdAt)],
);

/** Funds put in place (到位资金) for a project, in 万元, one row per entry; never changed. */
export const businessProjectFunds = pgTable(
  'business_project_funds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => businessProjects.id),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    note: text('note').notNull().default(''),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: created(),
  },
  (t) => [
    index('business_project_funds_project_idx').on(t.projectId),
    index('business_project_funds_on_idx').on(t.receivedOn),
    check('business_project_funds_amount_positive', sql`${t.amount} > 0`),
  ],
);

/** New market entities (新增市场主体) per month, as the office enters or imports them. */
export const businessMarketEntities = pgTable('business_market_entities', {
  month: text('month').primaryKey(),
  count: integer('count').notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: updated(),
});

/**
 * How long a project may wait at a stage before it is flagged stalled, by the stage it waits
 * for (days). One row, kept by the district office; absent, the defaults of `@qianxing/core`.
 */
export const businessProjectSettings = pgTable(
  'business_project_settings',
  {
    id: smallint('id').primaryKey().default(1),
    stallDays: jsonb('stall_days').$type<Record<string, number>>().notNull(),
    updatedAt: updated(),
  },
  (t) => [check('business_project_settings_one_row', sql`${t.id} = 1`)],
);
