import { z } from '@hono/zod-openapi';
import { storedFileFields } from '../../files/store.js';
import {
  indicatorCategories,
  indicatorDirections,
  indicatorFrequencies,
  planStatuses,
  regionKinds,
  reportStatuses,
  scorecardStatuses,
} from './schema.js';

/** The zod side of the targets module: inputs, outputs and the OpenAPI components. */
const code = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, _ . - only');
const name = z.string().trim().min(1).max(100);
const finite = z.number().finite().min(-1e12).max(1e12);

export const IndicatorDirection = z.enum(indicatorDirections).openapi('IndicatorDirection');
export const IndicatorCategory = z.enum(indicatorCategories).openapi('IndicatorCategory');
export const IndicatorFrequency = z.enum(indicatorFrequencies).openapi('IndicatorFrequency');
export const RegionKind = z.enum(regionKinds).openapi('RegionKind');
export const PlanStatus = z.enum(planStatuses).openapi('PlanStatus');
export const ReportStatus = z.enum(reportStatuses).openapi('ReportStatus');
export const ScorecardStatus = z.enum(scorecardStatuses).openapi('ScorecardStatus');

/** A quarter as the district writes it: 2026Q3. */
export const Quarter = z
  .string()
  .regex(/^20\d\dQ[1-4]$/, 'a quarter such as 2026Q3')
  .openapi({ example: '2026Q3' });
export const Year = z.coerce.number().int().min(2000).max(2099);
/** A benchmark period: a year (2025) or a quarter (2026Q3). */
export const Period = z.string().regex(/^20\d\d(Q[1-4])?$/, 'a year (2025) or a quarter (2026Q3)');

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
export const IndicatorPatch = IndicatorInput.partial().strict().openapi('IndicatorPatch');
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
    regionName: z.string(),
    indicatorId: z.uuid(),
    indicatorCode: z.string(),
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

export const PlanItem = z
  .object({
    indicatorId: z.uuid(),
    base: finite,
    targets: z.tuple([finite, finite, finite, finite]).openapi({ description: 'Target for Q1..Q4' }),
    benchmarkRegionId: z.uuid().nullable().default(null),
    benchmarkValue: finite.nullable().default(null),
    weight: z.number().positive().max(100).default(1),
  })
  .strict()
  .openapi('PlanItem');
export type PlanItem = z.infer<typeof PlanItem>;

export const PlanInput = z
  .object({
    unitId: z.uuid(),
    year: z.number().int().min(2000).max(2099),
    contactName: z.string().trim().max(40).default(''),
    contactPhone: z
      .string()
      .trim()
      .regex(/^(1[3-9]\d{9})?$/, 'a mobile number')
      .default(''),
    items: z.array(PlanItem).max(400),
  })
  .strict()
  .openapi('PlanInput');
export type PlanInput = z.infer<typeof PlanInput>;
export const PlanUpdate = PlanInput.omit({ unitId: true, year: true }).strict().openapi('PlanUpdate');
export type PlanUpdate = z.infer<typeof PlanUpdate>;

export const PlanSummary = z
  .object({
    id: z.uuid(),
    unitId: z.uuid(),
    unitName: z.string(),
    year: z.number().int(),
    status: PlanStatus,
    contactName: z.string(),
    /** Masked in every list. */
    contactPhone: z.string(),
    returnReason: z.string().nullable(),
    submittedAt: z.string().nullable(),
    reviewedAt: z.string().nullable(),
    itemCount: z.number().int(),
    isDemo: z.boolean(),
  })
  .openapi('PlanSummary');
export type PlanSummary = z.infer<typeof PlanSummary>;

export const PlanActions = z
  .object({ edit: z.boolean(), submit: z.boolean(), review: z.boolean(), report: z.boolean() })
  .openapi('PlanActions');
export const Plan = PlanSummary.extend({
  items: z.array(
    PlanItem.extend({ indicatorCode: z.string(), indicatorName: z.string(), measure: z.string() }),
  ),
  actions: PlanActions,
}).openapi('Plan');
export type Plan = z.infer<typeof Plan>;
export const PlanQuery = z.object({
  year: Year.optional(),
  status: PlanStatus.optional(),
  unitId: z.uuid().optional(),
});
export const ReturnInput = z
  .object({ reason: z.string().trim().min(2).max(500) })
  .strict()
  .openapi('ReturnInput');

export const ReportValue = z
  .object({ indicatorId: z.uuid(), value: finite, note: z.string().trim().max(200).default('') })
  .strict()
  .openapi('ReportValue');
export const ReportInput = z
  .object({ planId: z.uuid(), period: Quarter, values: z.array(ReportValue).max(400) })
  .strict()
  .openapi('ReportInput');
export type ReportInput = z.infer<typeof ReportInput>;
export const ReportUpdate = z
  .object({ values: z.array(ReportValue).max(400) })
  .strict()
  .openapi('ReportUpdate');

export const Evidence = z.object(storedFileFields).openapi('Evidence');
export const ReportSummary = z
  .object({
    id: z.uuid(),
    planId: z.uuid(),
    unitId: z.uuid(),
    unitName: z.string(),
    period: z.string(),
    status: ReportStatus,
    deadline: z.string(),
    late: z.boolean(),
    returnReason: z.string().nullable(),
    submittedAt: z.string().nullable(),
    valueCount: z.number().int(),
    isDemo: z.boolean(),
  })
  .openapi('ReportSummary');
export type ReportSummary = z.infer<typeof ReportSummary>;
export const ReportActions = z
  .object({ edit: z.boolean(), submit: z.boolean(), review: z.boolean() })
  .openapi('ReportActions');
export const Report = ReportSummary.extend({
  values: z.array(
    ReportValue.extend({ indicatorCode: z.string(), indicatorName: z.string(), target: z.number() }),
  ),
  evidence: z.array(Evidence),
  actions: ReportActions,
}).openapi('Report');
export type Report = z.infer<typeof Report>;
export const ReportQuery = z.object({
  period: Quarter.optional(),
  unitId: z.uuid().optional(),
  status: ReportStatus.optional(),
});
export const OverdueUnit = z
  .object({ planId: z.uuid(), unitId: z.uuid(), unitName: z.string(), deadline: z.string() })
  .openapi('OverdueUnit');
export const ReportList = z
  .object({ items: z.array(ReportSummary), overdue: z.array(OverdueUnit) })
  .openapi('ReportList');

export const Settings = z
  .object({ reportDeadlineWorkdays: z.number().int().min(0).max(60) })
  .strict()
  .openapi('TargetSettings');
export type Settings = z.infer<typeof Settings>;
