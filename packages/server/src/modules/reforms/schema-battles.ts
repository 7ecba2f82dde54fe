import { planSteps } from '@qianxing/core/reforms';
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
import { ideaSuggestions } from '../ideas/api.js';
import { units } from '../units/api.js';
import { reformProjects } from './schema.js';

export const caseStatuses = ['draft', 'published'] as const;

/**
 * The three-step plan (一年起势、三年成势、五年胜势): one row, its first day; the steps follow from
 * it (`planBands` of `@qianxing/core/reforms`).
 */
export const reformPlan = pgTable(
  'reform_plan',
  {
    id: integer('id').primaryKey().default(1),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    updatedAt: updated(),
  },
  (t) => [check('reform_plan_single_check', sql`${t.id} = 1`)],
);

/** A key battle (攻坚战), led by one unit, set in a step of the three-step plan. */
export const reformBattles = pgTable(
  'reform_battles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    goal: text('goal').notNull().default(''),
    leadUnitId: uuid('lead_unit_id')
      .notNull()
      .references(() => units.id),
    step: text('step', { enum: planSteps }).notNull(),
    sort: integer('sort').notNull().default(0),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    uniqueIndex('reform_battles_name_key').on(t.name),
    index('reform_battles_lead_idx').on(t.leadUnitId),
  ],
);

/** A phase of a battle: its dates, its target and how much of it is done (1 when done). */
export const reformBattlePhases = pgTable(
  'reform_battle_phases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    battleId: uuid('battle_id')
      .notNull()
      .references(() => reformBattles.id, { onDelete: 'cascade' }),
    sort: integer('sort').notNull().default(0),
    name: text('name').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    target: text('target').notNull().default(''),
    progress: doublePrecision('progress').notNull().default(0),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    index('reform_battle_phases_battle_idx').on(t.battleId, t.sort),
    check('reform_battle_phases_dates_check', sql`${t.endDate} >= ${t.startDate}`),
    check('reform_battle_phases_progress_check', sql`${t.progress} >= 0 and ${t.progress} <= 1`),
  ],
);

/** The reform projects under a battle. */
export const reformBattleProjects = pgTable(
  'reform_battle_projects',
  {
    battleId: uuid('battle_id')
      .notNull()
      .references(() => reformBattles.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => reformProjects.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.battleId, t.projectId] }),
    index('reform_battle_projects_project_idx').on(t.projectId),
  ],
);

/** The campaign's adopted suggestions (建言献策) a battle takes up. */
export const reformBattleSuggestions = pgTable(
  'reform_battle_suggestions',
  {
    battleId: uuid('battle_id')
      .notNull()
      .references(() => reformBattles.id, { onDelete: 'cascade' }),
    suggestionId: uuid('suggestion_id')
      .notNull()
      .references(() => ideaSuggestions.id),
  },
  (t) => [primaryKey({ columns: [t.battleId, t.suggestionId] })],
);

/**
 * A replicable case (可复制可推广经验) drawn from a project: written as a draft, published by the
 * reform office. `tokens` are its jieba words for the public search, as the campaign's suggestions
 * keep theirs.
 */
export const reformCases = pgTable(
  'reform_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => reformProjects.id),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    measures: text('measures').notNull().default(''),
    results: text('results').notNull().default(''),
    /** Places that took the practice up (区县、省市). */
    adoptedIn: text('adopted_in').array().notNull().default(sql`'{}'::text[]`),
    status: text('status', { enum: caseStatuses }).notNull().default('draft'),
    publishedAt: at('published_at'),
    tokens: text('tokens').notNull().default(''),
    terms: text('terms').array().generatedAlwaysAs(sql`string_to_array(tokens, ' ')`),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    uniqueIndex('reform_cases_title_key').on(t.title),
    index('reform_cases_project_idx').on(t.projectId),
    index('reform_cases_status_idx').on(t.status, t.publishedAt),
    index('reform_cases_terms_idx').using('gin', t.terms),
  ],
);
