import { z } from '@hono/zod-openapi';
import { storedFileFields } from '../../../files/store.js';
import { reportStatuses } from '../schema.js';
import { finite, Quarter } from './common.js';

/** Quarterly reports: a plan's values of a quarter, their evidence, and the overdue units. */
export const ReportStatus = z.enum(reportStatuses).openapi('ReportStatus');

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
  .object({
    values: z.array(ReportValue).max(400),
    /** The report's `updatedAt` as the form read it: the save is refused if it changed since. */
    updatedAt: z.iso.datetime(),
  })
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
  /** When the report last changed; an update sends it back (ReportUpdate). */
  updatedAt: z.string(),
  /**
   * The year the official holiday calendar does not cover yet that the deadline was counted
   * through (Monday to Friday, without its holidays and make-up days), or whose notice may still
   * change the last days of December it falls on: it may move once that year is loaded. Null
   * when the deadline is final.
   */
  deadlineProvisional: z.number().int().nullable(),
  values: z.array(
    ReportValue.extend({
      indicatorCode: z.string(),
      indicatorName: z.string(),
      target: z.number().nullable(),
    }),
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
