import { z } from 'zod';
import { isIsoDate } from '../calendar/index.js';

const id = z.string().min(1).max(200);
const isoDate = z.string().refine(isIsoDate, 'a real date as YYYY-MM-DD');
const qualification = z.string().min(1).max(100);

export const planTaskSchema = z.object({
  id,
  department: id,
  firm: id,
  /** The inspection items, sent to the firm in advance. */
  items: z.array(z.string().max(500)).default([]),
  /** Qualifications the visit's team must hold between them for this task. */
  qualifications: z.array(qualification).default([]),
  hours: z.number().positive().max(24),
  /**
   * The task's own period, when it is not the plan's: its visit falls on a day of both (the
   * overlap of the two periods). Without it, any day of the plan's period.
   */
  period: z.object({ start: isoDate, end: isoDate }).optional(),
  /**
   * The inspectors drawn for it (双随机). When given, its visit is staffed by exactly these
   * (with those drawn for the visit's other tasks) and by nobody else: the draw chose them, and
   * already held the task's department and qualification rules. Without it the planner builds
   * a team by those rules.
   */
  team: z.array(id).min(1).max(50).optional(),
});

export const planInspectorSchema = z.object({
  id,
  department: id,
  qualifications: z.array(qualification).default([]),
  capacityPerDay: z.number().int().min(0).max(20).default(2),
  unavailable: z.array(isoDate).default([]),
});

export const planFirmSchema = z.object({ id, blocked: z.array(isoDate).default([]) });

/** The joint-inspection planner's input (综合查一次). */
export const planInputSchema = z
  .object({
    period: z.object({ start: isoDate, end: isoDate }),
    tasks: z.array(planTaskSchema),
    inspectors: z.array(planInspectorSchema),
    /** Firms with blocked dates; a task's firm need not be listed when it has none. */
    firms: z.array(planFirmSchema).default([]),
    exclusions: z.array(z.object({ inspector: id, firm: id })).default([]),
    /** Per department: its tasks in one visit take at most this many hours together. */
    maxHoursPerVisit: z.number().positive().max(24),
    inspectorsPerVisit: z.number().int().min(1).max(20).default(2),
  })
  .superRefine((input, ctx) => {
    if (input.period.end < input.period.start) {
      ctx.addIssue({ code: 'custom', path: ['period', 'end'], message: 'the period ends before it starts' });
    }
    for (const [i, t] of input.tasks.entries()) {
      if (t.period && t.period.end < t.period.start)
        ctx.addIssue({
          code: 'custom',
          path: ['tasks', i, 'period', 'end'],
          message: 'the task’s period ends before it starts',
        });
    }
    for (const key of ['tasks', 'inspectors', 'firms'] as const) {
      const seen = new Set<string>();
      for (const [i, x] of input[key].entries()) {
        if (seen.has(x.id))
          ctx.addIssue({ code: 'custom', path: [key, i, 'id'], message: `duplicate id ${x.id}` });
        seen.add(x.id);
      }
    }
  });

export const plannedVisitSchema = z.looseObject({
  firm: id,
  date: z.string(),
  tasks: z.array(id).min(1),
  inspectors: z.array(id),
});

export const unscheduledTaskSchema = z.looseObject({
  task: id,
  reason: z.string().min(1),
  inspectors: z.array(id).optional(),
});

export const planSchema = z.looseObject({
  visits: z.array(plannedVisitSchema),
  unscheduled: z.array(unscheduledTaskSchema),
});

export type PlanInput = z.input<typeof planInputSchema>;
export type ParsedPlanInput = z.output<typeof planInputSchema>;

/** Why a task could not be booked. */
export type UnscheduledCode =
  | 'too_long'
  | 'no_inspector'
  | 'no_qualified_inspector'
  | 'no_working_day'
  | 'capacity'
  /** A drawn inspector is not among the planner's inspectors (no longer on duty). */
  | 'drawn_inspector_inactive'
  /** A drawn inspector has since declared a conflict with the firm. */
  | 'drawn_inspector_excluded'
  /** No open working day of the firm on which every drawn inspector works. */
  | 'drawn_team_unavailable';

export interface PlannedVisit {
  firm: string;
  date: string;
  tasks: string[];
  inspectors: string[];
  departments: string[];
  /** Per department, its tasks' hours in this visit. */
  hours: Record<string, number>;
  /** The inspection items of all its tasks, for the notice sent to the firm in advance. */
  items: string[];
}

export interface UnscheduledTask {
  task: string;
  code: UnscheduledCode;
  reason: string;
  /** For a task with a drawn team: the drawn inspectors who keep it from being booked. */
  inspectors?: string[];
}

export interface PlanSummary {
  tasks: number;
  scheduledTasks: number;
  unscheduledTasks: number;
  visits: number;
  /** Σ over firms of ⌈largest department's hours ÷ maxHoursPerVisit⌉ over its schedulable tasks. */
  lowerBound: number;
  /** Visits if every scheduled task had its own visit. */
  separateVisits: number;
}

export interface Plan {
  visits: PlannedVisit[];
  unscheduled: UnscheduledTask[];
  summary: PlanSummary;
}
