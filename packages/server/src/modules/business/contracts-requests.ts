import { z } from '@hono/zod-openapi';
import { limits } from '@qianxing/core/limits';
import { isoDate } from '../../http/input.js';
import { PageQuery } from '../../http/route-helpers.js';
import { AttachmentView } from '../../kernel/attachments.js';
import {
  answerKinds,
  appealStatuses,
  decisionStatuses,
  rectificationStatuses,
  requestEventKinds,
  requestStatuses,
} from './schema.js';

/** The requests' and ratings' API inputs and outputs: the one source of their types and of the document. */
export const RequestStatus = z.enum(requestStatuses).openapi('RequestStatus');
export type RequestStatus = z.infer<typeof RequestStatus>;
export const RequestEventKind = z.enum(requestEventKinds).openapi('RequestEventKind');
export const AppealStatus = z.enum(appealStatuses).openapi('AppealStatus');
export const RectificationStatus = z.enum(rectificationStatuses).openapi('RectificationStatus');
export const ExtensionStatus = z.enum(decisionStatuses).openapi('ExtensionStatus');
export const AnswerKind = z.enum(answerKinds).openapi('AnswerKind');
export const TimelineActor = z.enum(['firm', 'office', 'department', 'system']).openapi('TimelineActor');

const text = (max: number) => z.string().trim().min(1).max(max);

export const RequestCategory = z
  .object({
    code: z.string(),
    name: z.string(),
    nameEn: z.string(),
    answerWorkdays: z.number().int(),
    rectifyWorkdays: z.number().int(),
    sort: z.number().int(),
    active: z.boolean(),
  })
  .openapi('RequestCategory');
export type RequestCategory = z.infer<typeof RequestCategory>;

const categoryFields = {
  name: text(40),
  nameEn: z.string().trim().max(80),
  answerWorkdays: z.number().int().min(1).max(60),
  rectifyWorkdays: z.number().int().min(1).max(60),
  sort: z.number().int().min(0).max(9999),
  active: z.boolean(),
};

export const RequestCategoryInput = z
  .object({
    /** Made by the server when left out: the console's clerk names a category and never types a code. */
    code: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_]{1,23}$/, 'small letters, digits and _, 2 to 24')
      .optional(),
    ...categoryFields,
    nameEn: categoryFields.nameEn.default(''),
    answerWorkdays: categoryFields.answerWorkdays.default(5),
    rectifyWorkdays: categoryFields.rectifyWorkdays.default(15),
    sort: categoryFields.sort.default(0),
    active: categoryFields.active.default(true),
  })
  .strict()
  .openapi('RequestCategoryInput');
export type RequestCategoryInput = z.infer<typeof RequestCategoryInput>;

export const RequestCategoryUpdate = z
  .object(categoryFields)
  .partial()
  .strict()
  .openapi('RequestCategoryUpdate');
export type RequestCategoryUpdate = z.infer<typeof RequestCategoryUpdate>;

export const CategoryParam = z.object({
  code: z
    .string()
    .regex(/^[a-z][a-z0-9_]{1,23}$/)
    .openapi({ param: { name: 'code', in: 'path' } }),
});

export const RaiseRequestInput = z
  .object({
    /** The firm the request is for: the raiser's own (it may be left out). */
    firmId: z.uuid().optional(),
    categoryCode: z.string().trim().min(1).max(24),
    title: text(80),
    body: text(2000),
  })
  .strict()
  .openapi('RaiseRequestInput');
export type RaiseRequestInput = z.infer<typeof RaiseRequestInput>;

/**
 * 分办/改派: the department, and optionally the category corrected (its days set the deadline)
 * and a note to the department. A note is trimmed; one of nothing but spaces is refused.
 */
export const RouteRequestInput = z
  .object({
    departmentId: z.uuid(),
    categoryCode: RaiseRequestInput.shape.categoryCode.optional(),
    note: z
      .string()
      .trim()
      .max(limits.routingNote.max)
      .refine((s) => s !== '', { message: 'only spaces', params: { reason: 'only_whitespace' } })
      .optional(),
  })
  .strict()
  .openapi('RouteRequestInput');

export const AnswerInput = z
  .object({ body: text(2000) })
  .strict()
  .openapi('AnswerInput');

export const ExtensionInput = z
  .object({ workdays: z.number().int().min(1).max(20), reason: text(500) })
  .strict()
  .openapi('ExtensionInput');

export const ExtensionDecisionInput = z
  .object({ approve: z.boolean(), note: z.string().trim().max(500).default('') })
  .strict()
  .openapi('ExtensionDecisionInput');

/** 1 非常不满意, 2 不满意, 3 一般, 4 满意, 5 非常满意. */
export const RatingInput = z
  .object({ score: z.number().int().min(1).max(5), comment: z.string().trim().max(500).default('') })
  .strict()
  .openapi('RatingInput');

export const ReturnVisitInput = z
  .object({ visitedOn: isoDate(), note: text(1000) })
  .strict()
  .openapi('ReturnVisitInput');

export const AppealInput = z
  .object({ reason: text(1000) })
  .strict()
  .openapi('AppealInput');

export const AppealDecisionInput = z
  .object({ upheld: z.boolean(), note: text(1000) })
  .strict()
  .openapi('AppealDecisionInput');

export const DueState = z.enum(['overdue', 'due_soon', 'on_time']).openapi('DueState');

/** What the caller may do on a request now, decided by the policy and the state. */
export const RequestActions = z
  .object({
    route: z.boolean(),
    answer: z.boolean(),
    askExtension: z.boolean(),
    rate: z.boolean(),
    recordVisit: z.boolean(),
    rectify: z.boolean(),
    appeal: z.boolean(),
    decide: z.boolean(),
    attach: z.boolean(),
  })
  .openapi('RequestActions');
export type RequestActions = z.infer<typeof RequestActions>;

export const RequestSummary = z
  .object({
    id: z.uuid(),
    title: z.string(),
    status: RequestStatus,
    firmId: z.uuid(),
    firmName: z.string(),
    categoryCode: z.string(),
    categoryName: z.string(),
    departmentId: z.uuid().nullable(),
    departmentName: z.string().nullable(),
    suggestedDepartmentId: z.uuid().nullable(),
    suggestedDepartmentName: z.string().nullable(),
    suggestionConfidence: z.number().nullable(),
    dueOn: z.string().nullable(),
    /** Working days from today to the due date: 0 on the day, negative when overdue. */
    workdaysLeft: z.number().int().nullable(),
    dueState: DueState.nullable(),
    /**
     * The year whose holidays the due date of a request still awaited waits for: counted through
     * it Monday to Friday, or in the last days of December before it, the date may move once that
     * year is loaded. Null when the date is final.
     */
    dueProvisional: z.number().int().nullable(),
    pendingExtension: z.boolean(),
    pendingAppeal: z.boolean(),
    createdAt: z.string(),
  })
  .openapi('RequestSummary');
export type RequestSummary = z.infer<typeof RequestSummary>;

/** What the discipline commission watches (纪委监督); the list and the dashboard share each filter. */
export const requestFlags = [
  'overdue',
  'dueSoon',
  'badRating',
  'rectifying',
  'appeal',
  'reminded',
  'repeated',
] as const;
export type RequestFlag = (typeof requestFlags)[number];

export const RequestQuery = PageQuery.extend({
  status: RequestStatus.optional(),
  /** Only those waiting for the office's decision on an extension or an appeal. */
  pending: z.enum(['extension', 'appeal']).optional(),
  q: z.string().trim().max(100).optional(),
  /** Only those routed to this department (a dashboard's drill-down). */
  departmentId: z.uuid().optional(),
  /** Only those the supervision dashboard counts under this flag. */
  flag: z.enum(requestFlags).optional(),
});
export type RequestQuery = z.infer<typeof RequestQuery>;

/** The list's filters without its paging: an export holds every request they match. */
export const RequestExportQuery = RequestQuery.omit({ page: true, pageSize: true });
export type RequestExportQuery = z.infer<typeof RequestExportQuery>;

export const RequestPage = z
  .object({ total: z.number().int(), items: z.array(RequestSummary), canRaise: z.boolean() })
  .openapi('RequestPage');
export type RequestPage = z.infer<typeof RequestPage>;

export const TimelineEvent = z
  .object({
    id: z.uuid(),
    kind: RequestEventKind,
    /** Who acted, as a body: the firm, the office, or the department's name. */
    by: TimelineActor,
    departmentName: z.string().nullable(),
    note: z.string(),
    data: z.record(z.string(), z.unknown()),
    at: z.string(),
  })
  .openapi('TimelineEvent');

export const RatingAppeal = z
  .object({ id: z.uuid(), status: AppealStatus, reason: z.string(), decisionNote: z.string().nullable() })
  .openapi('RatingAppeal');

export const Rating = z
  .object({
    id: z.uuid(),
    score: z.number().int(),
    comment: z.string(),
    createdAt: z.string(),
    /** An appeal of this rating and where it stands, if the department made one. */
    appeal: RatingAppeal.nullable(),
  })
  .openapi('Rating');

export const Answer = z
  .object({
    id: z.uuid(),
    kind: AnswerKind,
    departmentName: z.string(),
    body: z.string(),
    onTime: z.boolean(),
    createdAt: z.string(),
    rating: Rating.nullable(),
  })
  .openapi('Answer');

export const Rectification = z
  .object({
    id: z.uuid(),
    ratingId: z.uuid(),
    dueOn: z.string(),
    status: RectificationStatus,
    visitedOn: z.string().nullable(),
    visitNote: z.string().nullable(),
  })
  .openapi('Rectification');

export const Extension = z
  .object({
    id: z.uuid(),
    workdays: z.number().int(),
    reason: z.string(),
    status: ExtensionStatus,
    dueBefore: z.string(),
    dueAfter: z.string().nullable(),
    decisionNote: z.string().nullable(),
  })
  .openapi('Extension');

export const RequestDetail = RequestSummary.extend({
  body: z.string(),
  timeline: z.array(TimelineEvent),
  answers: z.array(Answer),
  rectifications: z.array(Rectification),
  extensions: z.array(Extension),
  attachments: z.array(AttachmentView),
  /** Whether it raises again an issue its firm raised before (the text engine's near-duplicate). */
  repeated: z.boolean(),
  /**
   * That earlier request, named only to a reader who may read it: a department does not learn
   * which requests went elsewhere, so it sees `repeated` alone.
   */
  repeatOf: z.object({ id: z.uuid(), title: z.string() }).nullable(),
  /** The office's note to the department with its latest routing: for staff only, null for the firm's side. */
  routingNote: z.string().nullable(),
  /**
   * While the request waits for the firm's rating (待评价): the last day it may rate the latest
   * answer; from the next day the request closes unrated (未评价办结). Null otherwise.
   */
  rateBy: z.string().nullable(),
  actions: RequestActions,
}).openapi('RequestDetail');
export type RequestDetail = z.infer<typeof RequestDetail>;

/** How often the office kept the department the text engine suggested. */
export const RoutingAccuracy = z
  .object({
    routed: z.number().int(),
    suggested: z.number().int(),
    kept: z.number().int(),
    accuracy: z.number().nullable(),
  })
  .openapi('RoutingAccuracy');
export type RoutingAccuracy = z.infer<typeof RoutingAccuracy>;

export const SupervisionRow = z
  .object({
    departmentId: z.uuid(),
    departmentName: z.string(),
    open: z.number().int(),
    overdue: z.number().int(),
    dueSoon: z.number().int(),
    badRating: z.number().int(),
    rectifying: z.number().int(),
    appeal: z.number().int(),
    /** Formal reminders (督办) the department has not acknowledged yet. */
    reminded: z.number().int(),
    /** Requests raising again an issue their firm raised before. */
    repeated: z.number().int(),
  })
  .openapi('SupervisionRow');
/**
 * Requests no department has yet (待分办): they belong to no department's row, and a backlog at
 * the office's routing would otherwise go unseen.
 */
export const AwaitingRouting = z
  .object({
    count: z.number().int(),
    /** The day (China Standard Time) the longest-waiting one came in; null when none waits. */
    oldestOn: z.string().nullable(),
    /** Working days it has waited since that day: 0 when it came in today. */
    oldestWorkdays: z.number().int(),
  })
  .openapi('AwaitingRouting');
export const Supervision = z
  .object({
    asOf: z.string(),
    awaitingRouting: AwaitingRouting,
    departments: z.array(SupervisionRow),
    total: SupervisionRow.omit({ departmentId: true, departmentName: true }),
  })
  .openapi('Supervision');
export type Supervision = z.infer<typeof Supervision>;
