import { z } from '@hono/zod-openapi';
import { isoDate } from '../../http/input.js';
import { planStatuses, visitStatuses } from './schema.js';

/** The zod side of joint planning (综合查一次): a plan, its visits and figures, a firm's visits. */
const Named = z.object({ id: z.uuid(), name: z.string() });

export const PlanStatus = z.enum(planStatuses).openapi('InspectionPlanStatus');

export const PlanInput = z
  .object({
    periodStart: isoDate(),
    periodEnd: isoDate(),
    maxHoursPerVisit: z.number().positive().max(24).default(4),
    /**
     * Team size for planned inspections without a drawn team (2 when not given); a drawn
     * inspection's team is the one its draw assigned, whatever this says.
     */
    inspectorsPerVisit: z.number().int().min(1).max(10).optional(),
    capacityPerDay: z.number().int().min(1).max(10).default(2),
  })
  .strict()
  .refine((p) => p.periodEnd >= p.periodStart, {
    message: 'periodEnd is before periodStart',
    path: ['periodEnd'],
    params: { reason: 'period_order' },
  })
  .openapi('InspectionPlanInput');
export type PlanInput = z.infer<typeof PlanInput>;

export const VisitMove = z
  .object({ date: isoDate(), inspectorIds: z.array(z.uuid()).min(1).max(20) })
  .strict()
  .openapi('InspectionVisitMove');
export type VisitMove = z.infer<typeof VisitMove>;

export const PlanFigures = z
  .object({
    /** Department inspections booked: a department's share of a drawn firm of a task (a joint task has several). */
    planned: z.number().int(),
    unplanned: z.number().int(),
    /** Visits to firms, each on one date with one team. */
    visits: z.number().int(),
    /** Of those, visits by two departments or more together. */
    joint: z.number().int(),
    /** One visit per drawn firm of a task: what the plan replaces. */
    separateVisits: z.number().int(),
    saving: z.number().int(),
    lowerBound: z.number().int(),
    /** visits − lowerBound. */
    overLowerBound: z.number().int(),
  })
  .openapi('InspectionPlanFigures');
export type PlanFigures = z.infer<typeof PlanFigures>;

export const PlanVisit = z
  .object({
    id: z.uuid(),
    firm: Named,
    date: z.string(),
    /**
     * The days it may take: the plan's period within the periods of the tasks it carries (a task
     * due over part of the plan's period is visited then); a move to another day is refused.
     */
    allowedPeriod: z.object({ start: z.string(), end: z.string() }),
    /** Where its team is: planned, started or completed (once the plan is published). */
    status: z.enum(visitStatuses),
    inspectors: z.array(Named.extend({ unitId: z.uuid(), unit: z.string() })),
    departments: z.array(Named),
    items: z.array(Named.extend({ unit: z.string() })),
    tasks: z.array(Named),
  })
  .openapi('InspectionPlanVisit');
export type PlanVisit = z.infer<typeof PlanVisit>;

export const Plan = z
  .object({
    id: z.uuid(),
    periodStart: z.string(),
    periodEnd: z.string(),
    status: PlanStatus,
    maxHoursPerVisit: z.number(),
    inspectorsPerVisit: z.number().int(),
    capacityPerDay: z.number().int(),
    publishedAt: z.string().nullable(),
    figures: PlanFigures,
    visits: z.array(PlanVisit),
    unplanned: z.array(
      z.object({
        task: Named,
        firm: Named,
        unit: Named,
        code: z.string(),
        /** The drawn inspectors who keep it out, by (masked) name. */
        inspectors: z.array(z.string()),
      }),
    ),
    allowed: z.array(z.enum(['move', 'publish', 'delete'])),
    isDemo: z.boolean(),
  })
  .openapi('InspectionPlan');
export type Plan = z.infer<typeof Plan>;

export const PlanBrief = Plan.omit({ visits: true, unplanned: true }).openapi('InspectionPlanBrief');
export type PlanBrief = z.infer<typeof PlanBrief>;

export const PlanQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type PlanQuery = z.infer<typeof PlanQuery>;

/** A published visit as the firm is told of it: the date, the departments and the items. */
export const MyVisit = z
  .object({
    id: z.uuid(),
    date: z.string(),
    departments: z.array(z.string()),
    items: z.array(z.object({ name: z.string(), unit: z.string(), legalBasis: z.string() })),
  })
  .openapi('InspectionMyVisit');
export type MyVisit = z.infer<typeof MyVisit>;
