import { z } from '@hono/zod-openapi';
import { limits } from '@qianxing/core/limits';
import { projectStatuses } from '@qianxing/core/reforms';
import { isoDate } from '../../http/input.js';
import { AttachmentView } from '../../kernel/attachments.js';
import { ReformProgressCorrection, ReformRemovedReportItem } from './contracts-history.js';
import { pilotLevels, pilotStatuses, projectSources, reportStatuses } from './schema.js';

/** The zod side of the reforms module (改革清单): inputs, outputs and the OpenAPI components. */
const code = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, _ . - only');
const text = (max: number) => z.string().trim().max(max);

export const ProjectSource = z.enum(projectSources).openapi('ReformProjectSource');
export const PilotLevel = z.enum(pilotLevels).openapi('ReformPilotLevel');
export const PilotStatus = z.enum(pilotStatuses).openapi('ReformPilotStatus');
export const ProjectStatus = z.enum(projectStatuses).openapi('ReformProjectStatus');
export const ReportStatus = z.enum(reportStatuses).openapi('ReformReportStatus');

/** A milestone's weight: a positive number (its own reason, since 0 itself is refused). */
export const weight = z
  .number()
  .finite()
  .max(1000)
  .refine((w) => w > 0, { message: 'a weight above 0', params: { reason: 'not_positive' } });
/** How much of a milestone is done: 0, 1, or a fraction in between. */
export const doneShare = z.number().min(0).max(1);
/** A month as YYYY-MM. */
export const Month = z
  .string()
  .regex(/^20\d\d-(0[1-9]|1[0-2])$/, 'a month such as 2026-07')
  .openapi({ example: '2026-07' });

export const periodIssue = {
  message: 'endDate is before startDate',
  path: ['endDate'],
  params: { reason: 'period_order' },
};
/** A real calendar day as YYYY-MM-DD (not 2026-13-01, not 2026-02-30). */
const isDay = (d: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(d)) && new Date(d).toISOString().startsWith(d);
// The order is checked only between two real days: a malformed one is named by its own field
// alone, not again as an end before the start.
const inOrder = (p: { startDate?: string | undefined; endDate?: string | undefined }) =>
  !p.startDate || !p.endDate || !isDay(p.startDate) || !isDay(p.endDate) || p.startDate <= p.endDate;
const pilotIssue = {
  message: 'a pilot has both a level and a status, other projects neither',
  path: ['pilotStatus'],
  params: { reason: 'pilot_pair' },
};
const pilotPaired = (p: {
  pilotLevel?: string | null | undefined;
  pilotStatus?: string | null | undefined;
}) =>
  p.pilotLevel === undefined ||
  p.pilotStatus === undefined ||
  (p.pilotLevel === null) === (p.pilotStatus === null);

export const ReformListInput = z
  .object({
    name: z.string().trim().min(2).max(60),
    description: text(500).default(''),
    sort: z.number().int().min(0).max(1000).default(0),
  })
  .strict()
  .openapi('ReformListInput');
export type ReformListInput = z.infer<typeof ReformListInput>;
export const ReformListPatch = ReformListInput.partial().strict().openapi('ReformListPatch');
export type ReformListPatch = z.infer<typeof ReformListPatch>;

export const ReformList = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string(),
    sort: z.number().int(),
    projects: z.number().int(),
    /** Mean of its projects' progress, 0..1. */
    progress: z.number(),
    isDemo: z.boolean(),
  })
  .openapi('ReformList');
export type ReformList = z.infer<typeof ReformList>;

const projectFields = {
  code,
  name: z.string().trim().min(2).max(200),
  listId: z.uuid(),
  source: ProjectSource,
  leadUnitId: z.uuid(),
  coUnitIds: z.array(z.uuid()).max(30).default([]),
  startDate: isoDate(),
  endDate: isoDate(),
  goal: text(2000).default(''),
  pilotLevel: PilotLevel.nullable().default(null),
  pilotStatus: PilotStatus.nullable().default(null),
};

export const ReformProjectInput = z
  .object(projectFields)
  .strict()
  .refine(inOrder, periodIssue)
  .refine(pilotPaired, pilotIssue)
  .openapi('ReformProjectInput');
export type ReformProjectInput = z.infer<typeof ReformProjectInput>;

export const ReformProjectPatch = z
  .object({
    ...projectFields,
    coUnitIds: z.array(z.uuid()).max(30),
    goal: text(2000),
    pilotLevel: PilotLevel.nullable(),
    pilotStatus: PilotStatus.nullable(),
  })
  .partial()
  .strict()
  .refine(inOrder, periodIssue)
  .openapi('ReformProjectPatch');
export type ReformProjectPatch = z.infer<typeof ReformProjectPatch>;

/**
 * Deleting a project: why, which the office must say for a project taken up from citizens'
 * suggestions (their timelines tell it); a project entered by mistake needs none. Optional body.
 */
export const ReformProjectDeleteInput = z
  .object({
    reason: z.string().trim().min(limits.withdrawalReason.min).max(limits.withdrawalReason.max).optional(),
  })
  .strict()
  .openapi('ReformProjectDeleteInput');
export type ReformProjectDeleteInput = z.infer<typeof ReformProjectDeleteInput>;

/** A suggestion a project came from (采纳转化), its title with numbers masked. */
export const ReformProjectSuggestion = z
  .object({ id: z.uuid(), title: z.string() })
  .openapi('ReformProjectSuggestion');

export const ReformProjectSummary = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    listId: z.uuid(),
    listName: z.string(),
    source: ProjectSource,
    leadUnitId: z.uuid(),
    leadUnitName: z.string(),
    startDate: z.string(),
    endDate: z.string(),
    pilotLevel: PilotLevel.nullable(),
    pilotStatus: PilotStatus.nullable(),
    milestones: z.number().int(),
    milestonesDone: z.number().int(),
    /** Σ weight × done / Σ weight, 0..1. */
    progress: z.number(),
    status: ProjectStatus,
    overdueMilestones: z.number().int(),
    isDemo: z.boolean(),
  })
  .openapi('ReformProjectSummary');
export type ReformProjectSummary = z.infer<typeof ReformProjectSummary>;

export const ReformProjectPage = z
  .object({
    total: z.number().int(),
    items: z.array(ReformProjectSummary),
    /** What the caller may do on the ledger: put a project on it, import the spreadsheet. */
    actions: z.object({ create: z.boolean(), import: z.boolean() }).openapi('ReformLedgerActions'),
  })
  .openapi('ReformProjectPage');

export const ReformProjectQuery = z.object({
  list: z.uuid().optional(),
  leadUnit: z.uuid().optional(),
  source: ProjectSource.optional(),
  status: ProjectStatus.optional(),
  pilot: PilotStatus.optional(),
  /** Only the projects the caller's units lead. */
  mine: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(50).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type ReformProjectQuery = z.infer<typeof ReformProjectQuery>;
/** The ledger's filters without its paging: what the export takes, to match the list on screen. */
export const ReformLedgerFilters = ReformProjectQuery.omit({ page: true, pageSize: true });
export type ReformLedgerFilters = z.infer<typeof ReformLedgerFilters>;

export const ReformMilestone = z
  .object({
    id: z.uuid(),
    name: z.string(),
    weight: z.number(),
    dueDate: z.string(),
    done: z.number(),
    doneAt: z.string().nullable(),
    overdue: z.boolean(),
    /** Working days from today to the due date: 0 on the day, negative once overdue. */
    workdaysLeft: z.number().int(),
  })
  .openapi('ReformMilestone');

export const ReformMilestoneInput = z
  .object({
    /** An existing milestone keeps what is done of it; without an id it is new. */
    id: z.uuid().optional(),
    name: z.string().trim().min(2).max(200),
    weight,
    dueDate: isoDate(),
  })
  .strict()
  .openapi('ReformMilestoneInput');
export const ReformMilestonesInput = z
  .object({ milestones: z.array(ReformMilestoneInput).max(60) })
  .strict()
  .openapi('ReformMilestonesInput');
export type ReformMilestonesInput = z.infer<typeof ReformMilestonesInput>;

export const ReformReportSummary = z
  .object({
    id: z.uuid(),
    projectId: z.uuid(),
    projectCode: z.string(),
    projectName: z.string(),
    leadUnitName: z.string(),
    period: z.string(),
    status: ReportStatus,
    deadline: z.string(),
    late: z.boolean(),
    returnReason: z.string().nullable(),
    submittedAt: z.string().nullable(),
    reviewedAt: z.string().nullable(),
    isDemo: z.boolean(),
  })
  .openapi('ReformReportSummary');
export type ReformReportSummary = z.infer<typeof ReformReportSummary>;

export const ReformProject = ReformProjectSummary.extend({
  goal: z.string(),
  coUnits: z.array(z.object({ id: z.uuid(), name: z.string() })),
  milestoneList: z.array(ReformMilestone),
  reports: z.array(ReformReportSummary),
  /** The office's corrections of approved progress, newest first. */
  corrections: z.array(ReformProgressCorrection),
  /** The campaign's suggestions it was taken up from: deleting it tells their followers. */
  fromSuggestions: z.array(ReformProjectSuggestion),
  actions: z
    .object({
      edit: z.boolean(),
      assign: z.boolean(),
      report: z.boolean(),
      correct: z.boolean(),
      /** Delete it: the office over its lead unit; the campaign's office once it came from a suggestion. */
      delete: z.boolean(),
    })
    .openapi('ReformProjectActions'),
}).openapi('ReformProject');
export type ReformProject = z.infer<typeof ReformProject>;

export const ReformReportItemInput = z
  .object({ milestoneId: z.uuid(), done: doneShare, note: text(500).default('') })
  .strict()
  .openapi('ReformReportItemInput');
const reportBody = {
  summary: text(4000).default(''),
  problems: text(2000).default(''),
  items: z.array(ReformReportItemInput).max(60).default([]),
};
export const ReformReportInput = z
  .object({ projectId: z.uuid(), period: Month, ...reportBody })
  .strict()
  .openapi('ReformReportInput');
export type ReformReportInput = z.infer<typeof ReformReportInput>;
export const ReformReportUpdate = z.object(reportBody).strict().openapi('ReformReportUpdate');
export type ReformReportUpdate = z.infer<typeof ReformReportUpdate>;
export const ReformReturnInput = z
  .object({ reason: z.string().trim().min(2).max(500) })
  .strict()
  .openapi('ReformReturnInput');

export const ReformReport = ReformReportSummary.extend({
  summary: z.string(),
  problems: z.string(),
  items: z.array(
    z.object({
      milestoneId: z.uuid(),
      milestoneName: z.string(),
      weight: z.number(),
      dueDate: z.string(),
      /** What is done of it now (approved so far). */
      doneBefore: z.number(),
      done: z.number(),
      note: z.string(),
    }),
  ),
  /** What it said of milestones removed from the plan since: shown, marked, not counted. */
  removedItems: z.array(ReformRemovedReportItem),
  evidence: z.array(AttachmentView),
  actions: z
    .object({ edit: z.boolean(), submit: z.boolean(), review: z.boolean() })
    .openapi('ReformReportActions'),
}).openapi('ReformReport');
export type ReformReport = z.infer<typeof ReformReport>;

export const ReformReportQuery = z.object({
  status: ReportStatus.optional(),
  project: z.uuid().optional(),
  period: Month.optional(),
});
export type ReformReportQuery = z.infer<typeof ReformReportQuery>;

export const ReformLateReport = z
  .object({
    projectId: z.uuid(),
    projectCode: z.string(),
    projectName: z.string(),
    leadUnitName: z.string(),
    period: z.string(),
    deadline: z.string(),
    /** Working days past the deadline. */
    workdaysLate: z.number().int(),
  })
  .openapi('ReformLateReport');
export const ReformReportList = z
  .object({
    items: z.array(ReformReportSummary),
    late: z.array(ReformLateReport),
    /** Whether the caller reviews reports (the reform office's queue). */
    actions: z.object({ review: z.boolean() }).openapi('ReformReportListActions'),
  })
  .openapi('ReformReportList');
export type ReformReportList = z.infer<typeof ReformReportList>;

export const ReformImportReport = z
  .object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() })
  .openapi('ReformImportReport');
export type ReformImportReport = z.infer<typeof ReformImportReport>;
