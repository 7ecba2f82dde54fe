import { z } from '@hono/zod-openapi';
import { planStatuses } from '../schema.js';
import { finite, Year } from './common.js';

/** Catch-up plans (赶超计划): a unit's indicators for a year with their quarterly targets. */
export const PlanStatus = z.enum(planStatuses).openapi('PlanStatus');

export const PlanItem = z
  .object({
    indicatorId: z.uuid(),
    // A draft may leave any figure blank (null, never 0); submitting needs them all (see plan-complete.ts).
    base: finite.nullable().default(null),
    targets: z
      .tuple([finite.nullable(), finite.nullable(), finite.nullable(), finite.nullable()])
      .default([null, null, null, null])
      .openapi({ description: 'Target for Q1..Q4; null while blank' }),
    benchmarkRegionId: z.uuid().nullable().default(null),
    benchmarkValue: finite.nullable().default(null),
    weight: z.number().positive().max(100).nullable().default(1),
    justification: z.string().trim().max(500).default('').openapi({
      description:
        'The unit’s reason for a figure that goes against the indicator: a target on the worse side of the base, or a negative figure where none makes sense. Needed to submit such a row.',
    }),
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
export const PlanUpdate = PlanInput.omit({ unitId: true, year: true })
  .extend({
    /** The plan's `updatedAt` as the form read it: the save is refused if it changed since. */
    updatedAt: z.iso.datetime(),
  })
  .strict()
  .openapi('PlanUpdate');
export type PlanUpdate = z.infer<typeof PlanUpdate>;

export const PlanActions = z
  .object({
    edit: z.boolean(),
    submit: z.boolean(),
    review: z.boolean(),
    report: z.boolean(),
    /** Return the approved plan for revision: for its reviewer, while no quarter of its year is published. */
    reopen: z.boolean(),
  })
  .openapi('PlanActions');
export type PlanActions = z.infer<typeof PlanActions>;
/** A plan as lists show it, with what the caller may do with it. */
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
    actions: PlanActions,
  })
  .openapi('PlanSummary');
export type PlanSummary = z.infer<typeof PlanSummary>;

export const Plan = PlanSummary.extend({
  /** When the plan last changed; an update sends it back (PlanUpdate). */
  updatedAt: z.string(),
  items: z.array(
    PlanItem.extend({
      indicatorCode: z.string(),
      indicatorName: z.string(),
      measure: z.string(),
      direction: z.enum(['higher', 'lower']),
      /** Whether the indicator's figures may be below zero (a growth rate may; a total may not). */
      negativeAllowed: z.boolean(),
    }),
  ),
}).openapi('Plan');
export type Plan = z.infer<typeof Plan>;
export const PlanQuery = z.object({
  year: Year.optional(),
  status: PlanStatus.optional(),
  unitId: z.uuid().optional(),
});
