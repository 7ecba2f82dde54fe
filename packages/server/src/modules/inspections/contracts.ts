import { z } from '@hono/zod-openapi';
import { isoDate } from '../../http/input.js';
import { riskLevels, taskStatuses } from './schema.js';

/** The zod side of the inspections module (综合查一次, 双随机): inputs, outputs, OpenAPI components. */
const code = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, _ . - only');
const text = (max: number) => z.string().trim().max(max);
const qualification = z.string().trim().min(1).max(100);
const qualifications = z.array(qualification).max(20);

export const RiskLevel = z.enum(riskLevels).openapi('InspectionRiskLevel');
export const TaskStatus = z.enum(taskStatuses).openapi('InspectionTaskStatus');
const Named = z.object({ id: z.uuid(), name: z.string() });

const itemFields = {
  unitId: z.uuid(),
  code,
  name: text(200).min(1),
  legalBasis: text(1000).min(1),
  qualification: qualification.nullable(),
  expectedMinutes: z.number().int().min(1).max(480),
};
export const InspectionItemInput = z
  .object({ ...itemFields, qualification: itemFields.qualification.default(null) })
  .strict()
  .openapi('InspectionItemInput');
export type InspectionItemInput = z.infer<typeof InspectionItemInput>;
/**
 * Changes only what it names. Not `InspectionItemInput.partial()`: zod applies a default inside
 * `partial`, so a change of the name alone would clear the item's qualification.
 */
export const InspectionItemPatch = z.object(itemFields).partial().strict().openapi('InspectionItemPatch');
export type InspectionItemPatch = z.infer<typeof InspectionItemPatch>;

export const InspectionItem = z
  .object({
    id: z.uuid(),
    unit: Named,
    code: z.string(),
    name: z.string(),
    legalBasis: z.string(),
    qualification: z.string().nullable(),
    expectedMinutes: z.number().int(),
    isDemo: z.boolean(),
  })
  .openapi('InspectionItem');
export type InspectionItem = z.infer<typeof InspectionItem>;

export const PoolQuery = z.object({
  unitId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type PoolQuery = z.infer<typeof PoolQuery>;

const weekday = z.number().int().min(1).max(7);

const inspectorFields = {
  unitId: z.uuid(),
  qualifications,
  workingDays: z.array(weekday).min(1).max(7),
  /** Firms the inspector must not inspect. */
  conflictFirmIds: z.array(z.uuid()).max(200),
  active: z.boolean(),
};
export const InspectorInput = z
  .object({
    /** The account's login (the department knows its staff by it). */
    login: z.string().trim().min(1).max(64),
    unitId: inspectorFields.unitId,
    qualifications: inspectorFields.qualifications.default([]),
    workingDays: inspectorFields.workingDays.default([1, 2, 3, 4, 5]),
    conflictFirmIds: inspectorFields.conflictFirmIds.default([]),
    active: inspectorFields.active.default(true),
  })
  .strict()
  .openapi('InspectorInput');
export type InspectorInput = z.infer<typeof InspectorInput>;
/**
 * Changes only what it names, as {@link InspectionItemPatch}: taking an inspector off duty
 * otherwise cleared their qualifications and declared conflicts, which keep them out of draws.
 */
export const InspectorPatch = z.object(inspectorFields).partial().strict().openapi('InspectorPatch');
export type InspectorPatch = z.infer<typeof InspectorPatch>;

export const Inspector = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    /** Masked in lists (张*明). */
    name: z.string(),
    /** Masked where it is the account's phone (139****0002), as the accounts' list shows it. */
    login: z.string(),
    unit: Named,
    qualifications: z.array(z.string()),
    workingDays: z.array(z.number().int()),
    conflicts: z.array(Named),
    active: z.boolean(),
    isDemo: z.boolean(),
  })
  .openapi('Inspector');
export type Inspector = z.infer<typeof Inspector>;

export const FirmRiskInput = z
  .object({
    risk: RiskLevel,
    blockedDates: z.array(isoDate()).max(366).default([]),
  })
  .strict()
  .openapi('InspectionFirmRiskInput');
export type FirmRiskInput = z.infer<typeof FirmRiskInput>;

export const FirmRisk = z
  .object({
    firmId: z.uuid(),
    name: z.string(),
    creditCode: z.string(),
    risk: RiskLevel,
    blockedDates: z.array(z.string()),
  })
  .openapi('InspectionFirmRisk');
export type FirmRisk = z.infer<typeof FirmRisk>;
export const FirmRiskPage = z
  .object({
    total: z.number().int(),
    items: z.array(FirmRisk),
    /** Whether the caller may set risk levels (the district office). */
    actions: z.object({ setRisk: z.boolean() }),
  })
  .openapi('InspectionFirmRiskPage');
export const FirmRiskQuery = PoolQuery.omit({ unitId: true }).extend({ risk: RiskLevel.optional() });
export type FirmRiskQuery = z.infer<typeof FirmRiskQuery>;

export const RiskCounts = z.object({
  high: z.number().int(),
  medium: z.number().int(),
  low: z.number().int(),
});

const sampleCount = z.number().int().min(0).max(10_000);
export const TaskInput = z
  .object({
    title: text(200).min(1),
    unitIds: z.array(z.uuid()).min(1).max(20),
    itemIds: z.array(z.uuid()).min(1).max(100),
    sample: z.strictObject({ high: sampleCount, medium: sampleCount, low: sampleCount }),
    inspectorsPerVisit: z.number().int().min(1).max(10).default(2),
    qualifications: qualifications.default([]),
    periodStart: isoDate(),
    periodEnd: isoDate(),
  })
  .strict()
  .refine((t) => t.sample.high + t.sample.medium + t.sample.low > 0, {
    message: 'draw at least one firm',
    path: ['sample'],
    params: { reason: 'empty_sample' },
  })
  .refine((t) => t.periodEnd >= t.periodStart, {
    message: 'periodEnd is before periodStart',
    path: ['periodEnd'],
    params: { reason: 'period_order' },
  })
  .openapi('InspectionTaskInput');
export type TaskInput = z.infer<typeof TaskInput>;

export const InspectionTask = z
  .object({
    id: z.uuid(),
    title: z.string(),
    status: TaskStatus,
    units: z.array(Named),
    items: z.array(Named.extend({ qualification: z.string().nullable() })),
    sample: RiskCounts,
    inspectorsPerVisit: z.number().int(),
    qualifications: z.array(z.string()),
    periodStart: z.string(),
    periodEnd: z.string(),
    seedHash: z.string().nullable(),
    /** Only once drawn. */
    seed: z.string().nullable(),
    announcedAt: z.string().nullable(),
    drawnAt: z.string().nullable(),
    visits: z.array(
      z.object({ firm: Named, risk: RiskLevel, inspectors: z.array(Named.extend({ unit: z.string() })) }),
    ),
    allowed: z.array(z.enum(['announce', 'draw', 'delete'])),
    isDemo: z.boolean(),
  })
  .openapi('InspectionTask');
export type InspectionTask = z.infer<typeof InspectionTask>;

export const TaskQuery = PoolQuery.omit({ unitId: true }).extend({ status: TaskStatus.optional() });
export type TaskQuery = z.infer<typeof TaskQuery>;

export const ImportReport = z
  .object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() })
  .openapi('InspectionImportReport');
export type ImportReport = z.infer<typeof ImportReport>;
