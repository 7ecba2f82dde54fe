import { z } from '@hono/zod-openapi';
import { storedFileFields } from '../../files/store.js';
import {
  actionStatuses,
  authorKinds,
  channels,
  eventKinds,
  listKinds,
  participationKinds,
  publications,
  reviewMethods,
  suggestionStatuses,
} from './schema.js';

export const Attachment = z.object(storedFileFields).openapi('IdeaAttachment');
export type Attachment = z.infer<typeof Attachment>;

export const Channel = z.enum(channels).openapi('IdeaChannel');
export const AuthorKind = z.enum(authorKinds).openapi('IdeaAuthorKind');
export const SuggestionStatus = z.enum(suggestionStatuses).openapi('SuggestionStatus');
export type SuggestionStatus = z.infer<typeof SuggestionStatus>;
export const ParticipationKind = z.enum(participationKinds).openapi('ParticipationKind');
export const EventKind = z.enum(eventKinds).openapi('IdeaEventKind');
export const ListKind = z.enum(listKinds).openapi('HonourListKind');
export const ActionStatus = z.enum(actionStatuses).openapi('IdeaActionStatus');

export const FocusArea = z.object({ name: z.string(), description: z.string() }).openapi('CampaignFocusArea');
/** How many suggestions of each domain the proposed shortlist (入围) takes. */
export const ShortlistQuota = z
  .object({
    perDomain: z.number().int().min(0).max(10_000),
    byDomain: z.record(z.string().max(40), z.number().int().min(0).max(10_000)).default({}),
  })
  .strict()
  .openapi('ShortlistQuota');
export const Campaign = z
  .object({
    id: z.uuid(),
    code: z.string(),
    theme: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    focusAreas: z.array(FocusArea),
    domains: z.array(z.object({ code: z.string(), name: z.string(), description: z.string() })),
    channels: z.array(z.string()),
    authorKinds: z.array(z.string()),
    rubric: z.array(z.object({ code: z.string(), name: z.string(), weight: z.number() })),
    rejectReasons: z.array(z.string()),
    listSizes: z.record(z.string(), z.number().int()),
    reviewersPerItem: z.number().int(),
    maxReviewsPerExpert: z.number().int().nullable(),
    reviewMethod: z.enum(reviewMethods),
    shortlistQuota: ShortlistQuota,
    publication: z.enum(publications),
    survey: z.array(
      z.object({
        code: z.string(),
        text: z.string(),
        kind: z.enum(['single', 'multiple', 'text']),
        options: z.array(z.string()),
        required: z.boolean(),
      }),
    ),
  })
  .openapi('Campaign');
export type Campaign = z.infer<typeof Campaign>;
/** The campaign as the public site reads it: whether its intake still takes suggestions today. */
export const PublicCampaign = Campaign.extend({ intakeOpen: z.boolean() }).openapi('PublicCampaign');

const title = z.string().trim().min(4).max(80);
const body = z.string().trim().min(10).max(5000);
const phone = z
  .string()
  .trim()
  .regex(/^1\d{10}$/, 'mainland mobile number');

export const SubmitSuggestionInput = z
  .object({
    title,
    body,
    domain: z.string().trim().min(1).max(40).optional(),
    townId: z.uuid(),
    authorKind: AuthorKind,
    realName: z.string().trim().min(1).max(40).optional(),
    phone: phone.optional(),
  })
  .strict()
  .openapi('SubmitSuggestionInput');
export type SubmitSuggestionInput = z.infer<typeof SubmitSuggestionInput>;

export const WrittenSuggestionInput = SubmitSuggestionInput.extend({
  channel: z.enum(['written', 'outreach', 'homecoming', 'event']).default('written'),
  eventId: z.uuid().optional(),
})
  .strict()
  .openapi('WrittenSuggestionInput');
export type WrittenSuggestionInput = z.infer<typeof WrittenSuggestionInput>;

export const SimilarItem = z
  .object({ id: z.uuid(), title: z.string(), similarity: z.number() })
  .openapi('SimilarSuggestion');

export const SubmitResult = z
  .object({
    id: z.uuid(),
    trackingCode: z.string(),
    domain: z.string(),
    domainConfidence: z.number(),
    similar: z.array(SimilarItem),
  })
  .openapi('SubmitSuggestionResult');
export type SubmitResult = z.infer<typeof SubmitResult>;

export const SimilarInput = z
  .object({ text: z.string().trim().min(2).max(5000) })
  .strict()
  .openapi('SimilarInput');
/** A match while typing: `duplicate` is the near-duplicate decision for an index's candidate. */
export const SimilarMatchItem = SimilarItem.extend({ duplicate: z.boolean() }).openapi('SimilarMatch');
export const SimilarResult = z
  .object({
    domain: z.object({ code: z.string(), confidence: z.number() }),
    similar: z.array(SimilarMatchItem),
  })
  .openapi('SimilarResult');

export const RecentItem = z
  .object({ id: z.uuid(), title: z.string(), body: z.string() })
  .openapi('RecentSuggestion');

/** What anyone may see of a suggestion: no name, no phone, no account. */
export const PublicSuggestion = z
  .object({
    id: z.uuid(),
    title: z.string(),
    body: z.string(),
    domain: z.string(),
    townId: z.uuid(),
    authorKind: AuthorKind,
    channel: Channel,
    status: SuggestionStatus,
    mergedInto: z.uuid().nullable(),
    supports: z.number().int(),
    createdAt: z.string(),
  })
  .openapi('PublicSuggestion');
export type PublicSuggestion = z.infer<typeof PublicSuggestion>;

export const SuggestionQuery = z.object({
  q: z.string().trim().max(100).optional(),
  domain: z.string().max(40).optional(),
  townId: z.uuid().optional(),
  status: SuggestionStatus.optional(),
  /** With a query, the most relevant first unless `newest` is asked; without one, the newest. */
  sort: z.enum(['relevance', 'newest']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type SuggestionQuery = z.infer<typeof SuggestionQuery>;

/** A screener's list filters for its workbook: every page, the newest first. */
export const SuggestionExportQuery = SuggestionQuery.omit({ sort: true, page: true, pageSize: true });
export type SuggestionExportQuery = z.infer<typeof SuggestionExportQuery>;

const TextRange = z.object({ start: z.number().int(), end: z.number().int() }).openapi('TextRange');

/** A suggestion found by a query: where the query's words stand in its title and body. */
export const PublicSuggestionHit = PublicSuggestion.extend({
  highlights: z.object({ title: z.array(TextRange), body: z.array(TextRange) }).optional(),
}).openapi('PublicSuggestionHit');

export const PublicSuggestionPage = z
  .object({ total: z.number().int(), items: z.array(PublicSuggestionHit) })
  .openapi('PublicSuggestionPage');

export const TimelineItem = z
  .object({ kind: z.string(), params: z.record(z.string(), z.unknown()), at: z.string() })
  .openapi('SuggestionTimelineItem');

export const ActionView = z
  .object({
    id: z.uuid(),
    title: z.string(),
    suggestionId: z.uuid().nullable(),
    entryId: z.uuid().nullable(),
    ownerUnitId: z.uuid(),
    dueOn: z.string(),
    status: ActionStatus,
    progress: z.number().int(),
    updates: z.array(
      z.object({ status: ActionStatus, progress: z.number().int(), note: z.string(), at: z.string() }),
    ),
  })
  .openapi('IdeaAction');
export type ActionView = z.infer<typeof ActionView>;

export const TrackResult = z
  .object({
    suggestion: PublicSuggestion,
    /** Whether the public site shows it now (by default once screening accepted it). */
    shownInPublic: z.boolean(),
    timeline: z.array(TimelineItem),
    actions: z.array(ActionView),
    notifications: z.array(
      z.object({ key: z.string(), params: z.record(z.string(), z.unknown()), at: z.string() }),
    ),
  })
  .openapi('TrackResult');

const Count = z.object({ key: z.string(), n: z.number().int() });
export const Stats = z
  .object({
    participations: z.number().int(),
    suggestions: z.number().int(),
    byDay: z.array(Count),
    byChannel: z.array(Count),
    /** Streets, towns and townships only; a community's or village's count is its town's. */
    byTown: z.array(Count),
    /** Participations tied to no town (an event held by a department or the district): in the total, not by town. */
    outsideTowns: z.number().int(),
    byAuthorKind: z.array(Count),
    byKind: z.array(Count),
    byDomain: z.array(Count),
    byStatus: z.array(Count),
  })
  .openapi('IdeaStats');
export type Stats = z.infer<typeof Stats>;

export const SupportResult = z
  .object({ supports: z.number().int(), counted: z.boolean() })
  .openapi('SupportResult');

/**
 * What the caller may do, sent with each staff view: computed on the server from the policy and
 * the record's state (`staff-actions.ts`), so the web app shows a button only for a true one.
 */
const may = z.boolean();
/** The screening page: enter a paper suggestion, import a file of them, screen in bulk. */
export const ScreeningActions = z
  .object({ submitWritten: may, import: may, screen: may })
  .openapi('ScreeningActions');
/** One suggestion: each screening decision its state allows in the caller's scope; its scans. */
export const SuggestionActions = z
  .object({ accept: may, reject: may, merge: may, reclassify: may, attach: may })
  .openapi('StaffSuggestionActions');
/** A near-duplicate the suggestion on screen may be merged into. */
export const DuplicateActions = z.object({ mergeInto: may }).openapi('DuplicateActions');
export const CommentActions = z.object({ publish: may, hide: may }).openapi('IdeaCommentActions');
export const EventListActions = z.object({ create: may }).openapi('IdeaEventListActions');
export const EventActions = z.object({ update: may }).openapi('IdeaEventActions');
export const ReviewResultsActions = z.object({ assign: may }).openapi('ReviewResultsActions');
export const BlindReviewActions = z.object({ score: may }).openapi('BlindReviewActions');
export const AdoptionActions = z.object({ adopt: may }).openapi('AdoptionActions');
/** An adopted action: report its progress (its owner department or the office, while it is open). */
export const IdeaActionActions = z.object({ progress: may }).openapi('IdeaActionActions');
export const CampaignListActions = z.object({ create: may }).openapi('CampaignListActions');
export const CampaignActions = z.object({ edit: may, makeCurrent: may }).openapi('CampaignActions');
/** A dashboard or results page: download it as a workbook. */
export const ExportActions = z.object({ export: may }).openapi('IdeaExportActions');

/** The adopted actions on the staff page: report progress on some, adopt more. */
export const AdoptedActionList = z
  .object({ items: z.array(ActionView.extend({ actions: IdeaActionActions })), actions: AdoptionActions })
  .openapi('AdoptedActionList');

/** What screening staff see: contact details masked, never an account id. */
export const StaffSuggestion = PublicSuggestion.extend({
  /** The names shown for `domain` and `townId`, sent with the row so the grid never shows a code. */
  domainName: z.string().nullable(),
  townName: z.string().nullable(),
  domainConfidence: z.number(),
  domainConfirmed: z.boolean(),
  rejectReason: z.string().nullable(),
  eventId: z.uuid().nullable(),
  hasAuthorAccount: z.boolean(),
  realName: z.string().nullable(),
  phone: z.string().nullable(),
  actions: SuggestionActions,
}).openapi('StaffSuggestion');
export const StaffSuggestionPage = z
  .object({ total: z.number().int(), items: z.array(StaffSuggestion), actions: ScreeningActions })
  .openapi('StaffSuggestionPage');
export const StaffSuggestionDetail = StaffSuggestion.extend({
  duplicates: z.array(SimilarItem.extend({ duplicate: z.boolean(), actions: DuplicateActions })),
  attachments: z.array(Attachment),
}).openapi('StaffSuggestionDetail');

export const ScreenInput = z
  .discriminatedUnion('decision', [
    z.object({ decision: z.literal('accept'), domain: z.string().max(40).optional() }).strict(),
    z.object({ decision: z.literal('reject'), reason: z.string().min(1).max(60) }).strict(),
    z.object({ decision: z.literal('merge'), into: z.uuid() }).strict(),
    z.object({ decision: z.literal('reclassify'), domain: z.string().min(1).max(40) }).strict(),
  ])
  .openapi('ScreenInput');
export const BulkScreenInput = z
  .object({
    ids: z.array(z.uuid()).min(1).max(500),
    decision: z.enum(['accept', 'reject', 'merge', 'reclassify']),
    domain: z.string().max(40).optional(),
    reason: z.string().min(1).max(60).optional(),
    into: z.uuid().optional(),
  })
  .strict()
  .openapi('BulkScreenInput');
