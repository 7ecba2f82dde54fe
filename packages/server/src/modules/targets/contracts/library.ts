import { z } from '@hono/zod-openapi';
import { indicatorCategories, indicatorDirections, indicatorFrequencies, regionKinds } from '../schema.js';
import { code, finite, name, Period } from './common.js';

/** The library's inputs and outputs: indicators, regions, benchmark values and the module's settings. */
export const IndicatorDirection = z.enum(indicatorDirections).openapi('IndicatorDirection');
export const IndicatorCategory = z.enum(indicatorCategories).openapi('IndicatorCategory');
export const IndicatorFrequency = z.enum(indicatorFrequencies).openapi('IndicatorFrequency');
export const RegionKind = z.enum(regionKinds).openapi('RegionKind');

export const Indicator = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    measure: z.string(),
    direction: IndicatorDirection,
    category: IndicatorCategory,
    source: z.string(),
    frequency: IndicatorFrequency,
    isDemo: z.boolean(),
    /** Whether its figures may be below zero: a change (增速, 改善值) may, a total or a share may not. */
    negativeAllowed: z.boolean(),
  })
  .openapi('Indicator');
export type Indicator = z.infer<typeof Indicator>;

export const IndicatorInput = z
  .object({
    code,
    name,
    measure: z.string().trim().min(1).max(20),
    direction: IndicatorDirection,
    category: IndicatorCategory,
    source: z.string().trim().max(100).default(''),
    frequency: IndicatorFrequency.default('quarterly'),
  })
  .strict()
  .openapi('IndicatorInput');
export type IndicatorInput = z.infer<typeof IndicatorInput>;
/**
 * The fields a change gives, and only those: without the input's defaults, which would put a
 * field left out back to quarterly or blank.
 */
export const IndicatorPatch = IndicatorInput.extend({
  source: z.string().trim().max(100),
  frequency: IndicatorFrequency,
})
  .partial()
  .strict()
  .openapi('IndicatorPatch');
export type IndicatorPatch = z.infer<typeof IndicatorPatch>;

export const IndicatorQuery = z.object({
  category: IndicatorCategory.optional(),
  q: z.string().trim().max(50).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

export const Region = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    kind: RegionKind,
    sort: z.number().int(),
    isDemo: z.boolean(),
  })
  .openapi('Region');
export type Region = z.infer<typeof Region>;
export const RegionInput = z
  .object({ code, name, kind: RegionKind, sort: z.number().int().min(0).max(10000).default(0) })
  .strict()
  .openapi('RegionInput');
export type RegionInput = z.infer<typeof RegionInput>;

export const Benchmark = z
  .object({
    regionId: z.uuid(),
    regionCode: z.string(),
    regionName: z.string(),
    indicatorId: z.uuid(),
    indicatorCode: z.string(),
    indicatorName: z.string(),
    period: z.string(),
    value: z.number(),
    source: z.string(),
    isDemo: z.boolean(),
  })
  .openapi('Benchmark');
export type Benchmark = z.infer<typeof Benchmark>;
export const BenchmarkInput = z
  .object({
    regionId: z.uuid(),
    indicatorId: z.uuid(),
    period: Period,
    value: finite,
    source: z.string().trim().max(100).default(''),
  })
  .strict()
  .openapi('BenchmarkInput');
export type BenchmarkInput = z.infer<typeof BenchmarkInput>;
export const BenchmarkQuery = z.object({
  indicatorId: z.uuid().optional(),
  regionId: z.uuid().optional(),
  period: Period.optional(),
});

export const Settings = z
  .object({ reportDeadlineWorkdays: z.number().int().min(0).max(60) })
  .strict()
  .openapi('TargetSettings');
export type Settings = z.infer<typeof Settings>;
