import {
  boolean,
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
import { units } from '../units/api.js';
import { users } from '../users/api.js';

export const indicatorDirections = ['higher', 'lower'] as const;
export const indicatorCategories = ['economy', 'society', 'environment', 'governance'] as const;
export const indicatorFrequencies = ['monthly', 'quarterly', 'yearly'] as const;
export const regionKinds = ['self', 'peer', 'wuling_city', 'county'] as const;
export const planStatuses = ['draft', 'submitted', 'approved', 'returned'] as const;
export const reportStatuses = ['draft', 'submitted', 'approved', 'returned'] as const;
export const scorecardStatuses = ['draft', 'published'] as const;

/** The indicator library (指标库): what is measured, in which unit, and which way is better. */
export const targetIndicators = pgTable(
  'target_indicators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    measure: text('measure').notNull(),
    direction: text('direction', { enum: indicatorDirections }).notNull(),
    category: text('category', { enum: indicatorCategories }).notNull(),
    source: text('source').notNull().default(''),
    frequency: text('frequency', { enum: indicatorFrequencies }).notNull().default('quarterly'),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    uniqueIndex('target_indicators_code_key').on(t.code),
    index('target_indicators_cat_idx').on(t.category),
  ],
);

/** Regions compared against: the district itself, peers (涪陵, 恩施) and Wuling central cities. */
export const targetRegions = pgTable(
  'target_regions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: regionKinds }).notNull(),
    sort: integer('sort').notNull().default(0),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: created(),
  },
  (t) => [uniqueIndex('target_regions_code_key').on(t.code)],
);

/** A peer region's value of an indicator for a period (2026 or 2026Q3), with its source. */
export const targetBenchmarks = pgTable(
  'target_benchmarks',
  {
    regionId: uuid('region_id')
      .notNull()
      .references(() => targetRegions.id),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => targetIndicators.id),
    period: text('period').notNull(),
    value: doublePrecision('value').notNull(),
    source: text('source').notNull().default(''),
    isDemo: boolean('is_demo').notNull().default(false),
    updatedAt: updated(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.indicatorId, t.period] }),
    index('target_benchmarks_indicator_idx').on(t.indicatorId),
  ],
);

/** A unit's catch-up plan (追赶实施计划) for one year. */
export const targetPlans = pgTable(
  'target_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    year: integer('year').notNull(),
    status: text('status', { enum: planStatuses }).notNull().default('draft'),
    contactName: text('contact_name').notNull().default(''),
    contactPhone: text('contact_phone').notNull().default(''),
    returnReason: text('return_reason'),
    submittedAt: at('submitted_at'),
    reviewedAt: at('reviewed_at'),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    uniqueIndex('target_plans_unit_year_key').on(t.unitId, t.year),
    index('target_plans_year_idx').on(t.year),
  ],
);

/** One indicator of a plan: base value, a target per quarter and the benchmark chased. */
export const targetPlanItems = pgTable(
  'target_plan_items',
  {
    planId: uuid('plan_id')
      .notNull()
      .references(() => targetPlans.id, { onDelete: 'cascade' }),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => targetIndicators.id),
    // Null while a draft leaves it blank: a blank is never stored as 0. Submitting needs them all.
    base: doublePrecision('base'),
    targetQ1: doublePrecision('target_q1'),
    targetQ2: doublePrecision('target_q2'),
    targetQ3: doublePrecision('target_q3'),
    targetQ4: doublePrecision('target_q4'),
    benchmarkRegionId: uuid('benchmark_region_id').references(() => targetRegions.id),
    benchmarkValue: doublePrecision('benchmark_value'),
    weight: doublePrecision('weight').default(1),
    /** The unit's reason for a figure that goes against the indicator (see plan-concerns.ts); '' when none. */
    justification: text('justification').notNull().default(''),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.planId, t.indicatorId] })],
);

/** A unit's quarterly report of actual values against its approved plan. */
export const targetReports = pgTable(
  'target_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => targetPlans.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    period: text('period').notNull(),
    status: text('status', { enum: reportStatuses }).notNull().default('draft'),
    deadline: text('deadline').notNull(),
    late: boolean('late').notNull().default(false),
    returnReason: text('return_reason'),
    submittedAt: at('submitted_at'),
    reviewedAt: at('reviewed_at'),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    uniqueIndex('target_reports_plan_period_key').on(t.planId, t.period),
    index('target_reports_period_idx').on(t.period),
  ],
);

export const targetReportValues = pgTable(
  'target_report_values',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => targetReports.id, { onDelete: 'cascade' }),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => targetIndicators.id),
    value: doublePrecision('value').notNull(),
    note: text('note').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.indicatorId] })],
);

/** A quarter's computed ranking (季度晾晒): a draft until the office publishes it, then frozen. */
export const targetScorecards = pgTable(
  'target_scorecards',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    period: text('period').notNull(),
    status: text('status', { enum: scorecardStatuses }).notNull().default('draft'),
    result: jsonb('result').notNull(),
    computedAt: at('computed_at').notNull().defaultNow(),
    publishedAt: at('published_at'),
    publishedBy: uuid('published_by').references(() => users.id),
  },
  (t) => [uniqueIndex('target_scorecards_period_key').on(t.period)],
);

/** Yearly statistics of regions for the comparison report (跳出黔江看黔江), by metric code. */
export const targetRegionalValues = pgTable(
  'target_regional_values',
  {
    regionId: uuid('region_id')
      .notNull()
      .references(() => targetRegions.id),
    year: integer('year').notNull(),
    metric: text('metric').notNull(),
    value: doublePrecision('value').notNull(),
    source: text('source').notNull().default(''),
    isDemo: boolean('is_demo').notNull().default(false),
    /** Where the value came from: the published dataset, the office's entry or import, or made up for the demo. */
    provenance: text('provenance', { enum: ['real', 'entered', 'generated'] })
      .notNull()
      .default('real'),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.year, t.metric] })],
);

/** Module settings, one row per key (the report deadline in working days, tier rules). */
export const targetSettings = pgTable('target_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: updated(),
});
