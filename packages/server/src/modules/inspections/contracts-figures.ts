import { z } from '@hono/zod-openapi';
import { RectificationStage } from './rectification-stage.js';

/** Per department and quarter: visits, the share done jointly, firm-hours saved, rectifications. */
export const FiguresQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

export const FigureRow = z
  .object({
    unitId: z.uuid(),
    unit: z.string(),
    quarter: z.number().int().min(1).max(4),
    /** Completed visits the department took part in. */
    visits: z.number().int(),
    /** Of those, visits shared with at least one other department. */
    joint: z.number().int(),
    jointShare: z.number(),
    /** The department's share of the firm-hours its joint visits saved (see methods). */
    firmHoursSaved: z.number(),
    /**
     * Issues found on its items; of those, reported done and awaiting its verification, returned
     * and not reported again, rectified (accepted: closed), and open past their due date
     * (returned ones included).
     */
    issues: z.number().int(),
    reported: z.number().int(),
    returned: z.number().int(),
    rectified: z.number().int(),
    overdue: z.number().int(),
  })
  .openapi('InspectionFigureRow');
export type FigureRow = z.infer<typeof FigureRow>;

export const Figures = z
  .object({ year: z.number().int(), receptionHours: z.number(), rows: z.array(FigureRow) })
  .openapi('InspectionFigures');
export type Figures = z.infer<typeof Figures>;

/**
 * The follow-up's lists: awaiting the firm (`open` by due date, `overdue` past it; both hold the
 * returned ones), `returned` alone, `reported` awaiting verification, `closed` once accepted.
 */
export const RectificationState = z
  .enum(['open', 'overdue', 'returned', 'reported', 'closed'])
  .openapi('InspectionRectificationState');

export const RectificationQuery = z.object({
  state: RectificationState.default('open'),
  /** `toVerify`: only the issues of the items whose department the caller verifies for (整改验收). */
  scope: z.enum(['all', 'toVerify']).default('all'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type RectificationQuery = z.infer<typeof RectificationQuery>;

/** One issue's rectification as the office follows it up. */
export const Rectification = z
  .object({
    findingId: z.uuid(),
    visitId: z.uuid(),
    date: z.string(),
    firm: z.string(),
    item: z.string(),
    unit: z.string(),
    requirement: z.string(),
    dueDate: z.string().nullable(),
    workdaysLeft: z.number().int().nullable(),
    overdue: z.boolean(),
    /**
     * The year whose holidays an open due date waits for (counted through it Monday to Friday, or
     * in the last days of December before it); null when the date is final.
     */
    dueProvisional: z.number().int().nullable(),
    stage: RectificationStage,
    /** The firm's report awaiting verification, and its note. */
    rectifiedAt: z.string().nullable(),
    rectificationNote: z.string().nullable(),
    /** When the department accepted it. */
    verifiedAt: z.string().nullable(),
    /** The last return's reason, kept after the firm reports again. */
    returnReason: z.string().nullable(),
    /** What the caller may do: verify a reported one of their own department. */
    allowed: z.array(z.enum(['accept', 'return'])),
  })
  .openapi('InspectionRectification');

export const RectificationPage = z
  .object({ items: z.array(Rectification), total: z.number().int() })
  .openapi('InspectionRectificationPage');
export type RectificationPage = z.infer<typeof RectificationPage>;
