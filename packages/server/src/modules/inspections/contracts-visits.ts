import { z } from '@hono/zod-openapi';
import { isoDate } from '../../http/input.js';
import { AttachmentView } from '../../kernel/attachments.js';
import { rectificationStages } from './rectification-stage.js';
import { findingResults, visitStatuses } from './schema.js';

/** The zod side of visits (检查): the checklist, findings, the code's public page, the firm's results. */
const Named = z.object({ id: z.uuid(), name: z.string() });
const text = (max: number) => z.string().trim().max(max);

export const VisitStatus = z.enum(visitStatuses).openapi('InspectionVisitStatus');
export const FindingResult = z.enum(findingResults).openapi('InspectionFindingResult');

/** A finding as the team records it; an issue needs a requirement and a deadline, nothing else does. */
export const FindingInput = z
  .object({
    result: FindingResult,
    note: text(1000).default(''),
    requirement: text(1000).min(1).optional(),
    deadlineDays: z.number().int().min(1).max(60).optional(),
  })
  .strict()
  .superRefine((f, ctx) => {
    for (const key of ['requirement', 'deadlineDays'] as const) {
      if (f.result === 'issue' && f[key] === undefined)
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: 'required for an issue',
          params: { reason: 'required' },
        });
      if (f.result !== 'issue' && f[key] !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: 'only an issue has a rectification',
          params: { reason: 'only_for_issue' },
        });
    }
  })
  .openapi('InspectionFindingInput');
export type FindingInput = z.infer<typeof FindingInput>;

export const Finding = z
  .object({
    id: z.uuid(),
    result: FindingResult,
    note: z.string(),
    requirement: z.string().nullable(),
    deadlineDays: z.number().int().nullable(),
    dueDate: z.string().nullable(),
    /** Working days from today to the due date while the rectification is open (negative when late). */
    workdaysLeft: z.number().int().nullable(),
    overdue: z.boolean(),
    /**
     * The year whose holidays an open due date waits for (counted through it Monday to Friday, or
     * in the last days of December before it); null when the date is final.
     */
    dueProvisional: z.number().int().nullable(),
    photos: z.array(AttachmentView),
    /** An issue's rectification: where it stands (none for other results; a named enum would lose the null). */
    stage: z.enum(rectificationStages).nullable(),
    /** The firm's report while it stands (cleared by a return). */
    rectifiedAt: z.string().nullable(),
    rectificationNote: z.string().nullable(),
    rectificationPhotos: z.array(AttachmentView),
    /** The department's acceptance, which closes it. */
    verifiedAt: z.string().nullable(),
    /** The last return and its reason, kept after the firm reports again. */
    returnedAt: z.string().nullable(),
    returnReason: z.string().nullable(),
  })
  .openapi('InspectionFinding');
export type Finding = z.infer<typeof Finding>;

/** One item of a visit's checklist, with its finding once recorded. */
export const ChecklistItem = z
  .object({
    id: z.uuid(),
    name: z.string(),
    unit: z.string(),
    legalBasis: z.string(),
    finding: Finding.nullable(),
  })
  .openapi('InspectionChecklistItem');

export const TeamMember = z.object({ name: z.string(), unit: z.string() }).openapi('InspectionTeamMember');

export const Rating = z
  .object({ score: z.number().int(), comment: z.string().nullable(), at: z.string() })
  .openapi('InspectionVisitRating');

/** A move of a published visit to another day (改期), as its history shows it. */
export const VisitMoveRecord = z
  .object({ from: z.string(), to: z.string(), reason: z.string(), at: z.string() })
  .openapi('InspectionVisitMoveRecord');

/** The office's reschedule of a published visit not yet started: the new day and why (required). */
export const RescheduleInput = z
  .object({ date: isoDate(), reason: text(500).min(1) })
  .strict()
  .openapi('InspectionVisitRescheduleInput');
export type RescheduleInput = z.infer<typeof RescheduleInput>;

/** A visit as its team (or the office) reads it: the firm, the date, the checklist, its state. */
export const Visit = z
  .object({
    id: z.uuid(),
    date: z.string(),
    firm: Named,
    status: VisitStatus,
    /** The token of the check page (亮码检查); the team shows it as a QR code. */
    code: z.string(),
    team: z.array(TeamMember),
    departments: z.array(z.string()),
    items: z.array(ChecklistItem),
    startedAt: z.string().nullable(),
    completedAt: z.string().nullable(),
    rating: Rating.nullable(),
    /** Its moves to another day since it was published, oldest first. */
    moves: z.array(VisitMoveRecord),
    allowed: z.array(z.enum(['start', 'record', 'complete', 'reschedule'])),
  })
  .openapi('InspectionVisit');
export type Visit = z.infer<typeof Visit>;

export const VisitBrief = Visit.omit({ items: true, team: true, code: true, rating: true, moves: true })
  .extend({ itemCount: z.number().int(), recorded: z.number().int() })
  .openapi('InspectionVisitBrief');
export type VisitBrief = z.infer<typeof VisitBrief>;

/** The public page of a visit's code: who came, what they may check and when; no contact details. */
export const VisitCheck = z
  .object({
    date: z.string(),
    firm: z.string(),
    status: VisitStatus,
    team: z.array(TeamMember),
    items: z.array(z.object({ name: z.string(), unit: z.string(), legalBasis: z.string() })),
  })
  .openapi('InspectionVisitCheck');
export type VisitCheck = z.infer<typeof VisitCheck>;

/** Any text up to 64 characters: a code that is not a visit's is simply not found. */
export const CodeParam = z.object({
  code: z
    .string()
    .max(64)
    .openapi({ param: { name: 'code', in: 'path' } }),
});

/** A completed visit's results as the firm reads them in its portal. */
export const VisitResult = Visit.omit({ code: true, allowed: true })
  .extend({ allowed: z.array(z.enum(['rate'])) })
  .openapi('InspectionVisitResult');
export type VisitResult = z.infer<typeof VisitResult>;

export const VisitResultBrief = VisitBrief.omit({ allowed: true, recorded: true })
  .extend({
    issues: z.number().int(),
    /** Reported done, awaiting the department's verification. */
    reported: z.number().int(),
    /** Returned by the department, to be rectified again. */
    returned: z.number().int(),
    /** Accepted by the department: closed. */
    rectified: z.number().int(),
    rated: z.boolean(),
  })
  .openapi('InspectionVisitResultBrief');
export type VisitResultBrief = z.infer<typeof VisitResultBrief>;

export const RectificationInput = z
  .object({ note: text(1000).min(1) })
  .strict()
  .openapi('InspectionRectificationInput');
export type RectificationInput = z.infer<typeof RectificationInput>;

/** A department's return of a reported rectification: why it is not accepted (required). */
export const ReturnInput = z
  .object({ reason: text(1000).min(1) })
  .strict()
  .openapi('InspectionRectificationReturnInput');
export type ReturnInput = z.infer<typeof ReturnInput>;

export const RatingInput = z
  .object({ score: z.number().int().min(1).max(5), comment: text(500).optional() })
  .strict()
  .openapi('InspectionRatingInput');
export type RatingInput = z.infer<typeof RatingInput>;

export const FindingParams = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
  itemId: z.uuid().openapi({ param: { name: 'itemId', in: 'path' } }),
});
