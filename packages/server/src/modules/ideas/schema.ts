import { reviewMethods, type ShortlistQuota } from '@qianxing/core/scoring';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { at, created, tsvector } from '../../db/columns.js';
import { units } from '../units/api.js';
import { users } from '../users/api.js';

export const channels = ['online', 'written', 'outreach', 'homecoming', 'event'] as const;
export const authorKinds = ['resident', 'cadre', 'native_abroad', 'student', 'enterprise', 'deputy'] as const;
export const suggestionStatuses = ['submitted', 'accepted', 'rejected', 'merged', 'adopted'] as const;
export const participationKinds = ['submission', 'support', 'comment', 'attendance', 'survey'] as const;
/** 走出去 (going out to firms, villages, peer regions) and 请回来 (inviting people back) are the campaign's own two. */
export const eventKinds = ['symposium', 'speech', 'visit', 'forum', 'going_out', 'inviting_back'] as const;
export { reviewMethods } from '@qianxing/core/scoring';
export const listKinds = ['golden_idea', 'good_idea', 'hard_problem'] as const;
/** When a suggestion shows on the public site: once screening accepted it, or at once. */
export const publications = ['after_acceptance', 'on_submission'] as const;
export const actionStatuses = ['planned', 'in_progress', 'done', 'cancelled'] as const;

export interface DomainDef {
  code: string;
  name: string;
  description: string;
}
export interface CriterionDef {
  code: string;
  name: string;
  weight: number;
}
/** A focus area of the campaign (两高地、一中心 …): its short name and what it stands for. */
export interface FocusAreaDef {
  name: string;
  description: string;
}
/** A question of the campaign's survey (问卷): one choice, several, or free text. */
export interface SurveyQuestionDef {
  code: string;
  text: string;
  kind: 'single' | 'multiple' | 'text';
  options: string[];
  required: boolean;
}
export const commentStatuses = ['pending', 'published', 'hidden'] as const;

/** A deliberation campaign (大讨论活动): its theme, period, domains, rubric and list sizes. */
export const ideaCampaigns = pgTable(
  'idea_campaigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    theme: text('theme').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    // Rows written before focus areas had descriptions hold bare names (`campaignView` reads both).
    focusAreas: jsonb('focus_areas').$type<Array<FocusAreaDef | string>>().notNull(),
    domains: jsonb('domains').$type<DomainDef[]>().notNull(),
    channels: jsonb('channels').$type<string[]>().notNull(),
    authorKinds: jsonb('author_kinds').$type<string[]>().notNull(),
    rubric: jsonb('rubric').$type<CriterionDef[]>().notNull(),
    rejectReasons: jsonb('reject_reasons').$type<string[]>().notNull(),
    listSizes: jsonb('list_sizes').$type<Record<string, number>>().notNull(),
    reviewersPerItem: integer('reviewers_per_item').notNull().default(3),
    /** The most suggestions one expert reviews in this campaign; null for no cap. */
    maxReviewsPerExpert: integer('max_reviews_per_expert'),
    /** How many suggestions of each domain the proposed shortlist takes (入围名额). */
    shortlistQuota: jsonb('shortlist_quota')
      .$type<ShortlistQuota>()
      .notNull()
      .default({ perDomain: 20, byDomain: {} }),
    /** How the review ranks: standardised scores, or the mean without the highest and lowest. */
    reviewMethod: text('review_method', { enum: reviewMethods }).notNull().default('z'),
    survey: jsonb('survey').$type<SurveyQuestionDef[]>().notNull().default([]),
    publication: text('publication', { enum: publications }).notNull().default('after_acceptance'),
    isCurrent: boolean('is_current').notNull().default(false),
    /** Participations before this instant are summed in `idea_participation_rollup`. */
    rolledUpTo: at('rolled_up_to'),
    createdAt: created(),
  },
  (t) => [
    uniqueIndex('idea_campaigns_code_key').on(t.code),
    uniqueIndex('idea_campaigns_current_key').on(t.isCurrent).where(sql`${t.isCurrent}`),
  ],
);

/** A suggestion (意见建议). Personal fields are masked everywhere except the author's own view. */
export const ideaSuggestions = pgTable(
  'idea_suggestions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => ideaCampaigns.id),
    title: text('title').notNull(),
    body: text('body').notNull(),
    domain: text('domain').notNull(),
    domainConfidence: doublePrecision('domain_confidence').notNull().default(0),
    /** Set when a screener accepted or reclassified it: a label the classifier learns from. */
    domainConfirmed: boolean('domain_confirmed').notNull().default(false),
    townId: uuid('town_id')
      .notNull()
      .references(() => units.id),
    authorKind: text('author_kind', { enum: authorKinds }).notNull(),
    channel: text('channel', { enum: channels }).notNull(),
    authorUserId: uuid('author_user_id').references(() => users.id),
    realName: text('real_name'),
    phone: text('phone'),
    trackingCode: text('tracking_code').notNull(),
    status: text('status', { enum: suggestionStatuses }).notNull().default('submitted'),
    mergedInto: uuid('merged_into'),
    rejectReason: text('reject_reason'),
    /** jieba tokens, lower-cased, joined by single spaces. */
    tokens: text('tokens').notNull().default(''),
    terms: text('terms').array().generatedAlwaysAs(sql`string_to_array(tokens, ' ')`),
    /**
     * The search words of the title and of the body (`suggestionWords`: normalised, cut by jieba's
     * search mode, space-joined, in order); null until a row written before them is indexed.
     */
    titleWords: text('title_words'),
    bodyWords: text('body_words'),
    /** Title words weigh A, body words B; `simple` takes the words as they are, lower-cased. */
    search: tsvector('search').generatedAlwaysAs(
      sql`setweight(to_tsvector('simple'::regconfig, coalesce(title_words, '')), 'A') || setweight(to_tsvector('simple'::regconfig, coalesce(body_words, '')), 'B')`,
    ),
    supports: integer('supports').notNull().default(0),
    /** On the shortlist (入围) that the experts review; set by the organiser. */
    shortlistedAt: at('shortlisted_at'),
    shortlistedBy: uuid('shortlisted_by').references(() => users.id),
    eventId: uuid('event_id'),
    importKey: text('import_key'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: created(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('idea_suggestions_tracking_key').on(t.trackingCode),
    uniqueIndex('idea_suggestions_import_key').on(t.campaignId, t.importKey),
    index('idea_suggestions_campaign_status_idx').on(t.campaignId, t.status, t.createdAt),
    index('idea_suggestions_town_idx').on(t.townId),
    index('idea_suggestions_author_idx').on(t.authorUserId),
    index('idea_suggestions_shortlist_idx').on(t.campaignId).where(sql`${t.shortlistedAt} is not null`),
    // An event's page and the dashboard's per-kind figures find the suggestions collected at events.
    index('idea_suggestions_event_idx').on(t.eventId).where(sql`${t.eventId} is not null`),
    index('idea_suggestions_terms_idx').using('gin', t.terms),
    index('idea_suggestions_search_idx').using('gin', t.search),
    // The rows still to index after migration 0025 (none once start-up has filled them).
    index('idea_suggestions_unindexed_idx').on(t.id).where(sql`${t.titleWords} is null`),
  ],
);

/**
 * One support per person: a user, or an anonymous person known by their browser and by their
 * address, each of which may support a suggestion once (see `supportSuggestion`).
 */
export const ideaSupports = pgTable(
  'idea_supports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    suggestionId: uuid('suggestion_id')
      .notNull()
      .references(() => ideaSuggestions.id),
    userId: uuid('user_id').references(() => users.id),
    fingerprint: text('fingerprint'),
    /** A hash of the anonymous supporter's address; null for accounts and older supports. */
    address: text('address'),
    /** A keyed hash of the phone an anonymous supporter proved by a code (`phone-hash.ts`). */
    phoneHash: text('phone_hash'),
    createdAt: created(),
  },
  (t) => [
    uniqueIndex('idea_supports_user_key').on(t.suggestionId, t.userId),
    uniqueIndex('idea_supports_phone_key').on(t.suggestionId, t.phoneHash),
    uniqueIndex('idea_supports_fingerprint_key').on(t.suggestionId, t.fingerprint),
    uniqueIndex('idea_supports_address_key').on(t.suggestionId, t.address),
  ],
);

/** The participation ledger (人次): one row per submission, support, comment, attendance, answer. */
export const ideaParticipations = pgTable(
  'idea_participations',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    campaignId: uuid('campaign_id').notNull(),
    kind: text('kind', { enum: participationKinds }).notNull(),
    channel: text('channel', { enum: channels }).notNull(),
    townId: uuid('town_id'),
    authorKind: text('author_kind', { enum: authorKinds }),
    suggestionId: uuid('suggestion_id'),
    eventId: uuid('event_id'),
    at: at('at').notNull().defaultNow(),
  },
  (t) => [
    index('idea_participations_campaign_at_idx').on(t.campaignId, t.at),
    // An organiser's dashboard counts their own towns only.
    index('idea_participations_campaign_town_idx').on(t.campaignId, t.townId),
    index('idea_participations_suggestion_idx').on(t.suggestionId),
    index('idea_participations_event_idx').on(t.eventId),
  ],
);

/** Daily counts per dimension (channel, town, authorKind, kind, all) of days already closed. */
export const ideaParticipationRollup = pgTable(
  'idea_participation_rollup',
  {
    campaignId: uuid('campaign_id').notNull(),
    day: date('day').notNull(),
    dim: text('dim').notNull(),
    key: text('key').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.day, t.dim, t.key] })],
);

/** An event (座谈会 / 演讲 / 走访 / 论坛 / 走出去 / 请回来); its attendance counts as participation. */
export const ideaEvents = pgTable(
  'idea_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => ideaCampaigns.id),
    kind: text('kind', { enum: eventKinds }).notNull(),
    title: text('title').notNull(),
    heldOn: date('held_on').notNull(),
    place: text('place').notNull().default(''),
    organiserUnitId: uuid('organiser_unit_id')
      .notNull()
      .references(() => units.id),
    attendanceCount: integer('attendance_count').notNull().default(0),
    attendees: jsonb('attendees').$type<string[]>(),
    minutes: text('minutes').notNull().default(''),
    createdAt: created(),
  },
  (t) => [index('idea_events_campaign_idx').on(t.campaignId, t.heldOn)],
);

/** The public timeline of a suggestion (what its tracking code shows): codes and data only. */
export const ideaTimeline = pgTable(
  'idea_timeline',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    suggestionId: uuid('suggestion_id').notNull(),
    kind: text('kind').notNull(),
    params: jsonb('params').$type<Record<string, unknown>>().notNull().default({}),
    at: at('at').notNull().defaultNow(),
  },
  (t) => [index('idea_timeline_suggestion_idx').on(t.suggestionId, t.at)],
);

/** An honour list (十大金点子 / 十大好点子 / 十大难题) of a campaign. */
export const ideaLists = pgTable(
  'idea_lists',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => ideaCampaigns.id),
    kind: text('kind', { enum: listKinds }).notNull(),
    publishedAt: at('published_at'),
    createdAt: created(),
  },
  (t) => [uniqueIndex('idea_lists_kind_key').on(t.campaignId, t.kind)],
);

export const ideaListEntries = pgTable(
  'idea_list_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    listId: uuid('list_id')
      .notNull()
      .references(() => ideaLists.id, { onDelete: 'cascade' }),
    rank: integer('rank').notNull(),
    suggestionId: uuid('suggestion_id').references(() => ideaSuggestions.id),
    /** For a hard problem: the suggestions of its cluster. */
    memberIds: jsonb('member_ids').$type<string[]>().notNull().default([]),
    title: text('title').notNull(),
    citation: text('citation').notNull().default(''),
    /**
     * Taken off the published list by the office (plagiarised, or at its author's request). The
     * row stays: the public list says that its rank was withdrawn and when, and an action
     * adopted from it still points at it.
     */
    withdrawnAt: at('withdrawn_at'),
    withdrawnBy: uuid('withdrawn_by').references(() => users.id),
    withdrawnReason: text('withdrawn_reason'),
  },
  (t) => [uniqueIndex('idea_list_entries_rank_key').on(t.listId, t.rank)],
);

/** An adopted idea turned into a department task (采纳 / 转化). */
export const ideaActions = pgTable(
  'idea_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => ideaCampaigns.id),
    suggestionId: uuid('suggestion_id').references(() => ideaSuggestions.id),
    entryId: uuid('entry_id').references(() => ideaListEntries.id),
    title: text('title').notNull(),
    ownerUnitId: uuid('owner_unit_id')
      .notNull()
      .references(() => units.id),
    dueOn: date('due_on').notNull(),
    status: text('status', { enum: actionStatuses }).notNull().default('planned'),
    progress: integer('progress').notNull().default(0),
    createdAt: created(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index('idea_actions_campaign_idx').on(t.campaignId)],
);

export const ideaActionUpdates = pgTable(
  'idea_action_updates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    actionId: uuid('action_id')
      .notNull()
      .references(() => ideaActions.id, { onDelete: 'cascade' }),
    status: text('status', { enum: actionStatuses }).notNull(),
    progress: integer('progress').notNull(),
    note: text('note').notNull().default(''),
    at: at('at').notNull().defaultNow(),
  },
  (t) => [index('idea_action_updates_action_idx').on(t.actionId, t.at)],
);

/**
 * A public comment on a suggestion (评论): counted as a participation when made, shown once a
 * screener has published it (review before publication, as on government sites).
 */
export const ideaComments = pgTable(
  'idea_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id').notNull(),
    suggestionId: uuid('suggestion_id')
      .notNull()
      .references(() => ideaSuggestions.id),
    body: text('body').notNull(),
    name: text('name'),
    townId: uuid('town_id').notNull(),
    userId: uuid('user_id'),
    status: text('status', { enum: commentStatuses }).notNull().default('pending'),
    reason: text('reason'),
    moderatedBy: uuid('moderated_by'),
    moderatedAt: at('moderated_at'),
    createdAt: created(),
  },
  (t) => [
    index('idea_comments_suggestion_idx').on(t.suggestionId, t.status, t.createdAt),
    index('idea_comments_campaign_idx').on(t.campaignId, t.status, t.createdAt),
  ],
);

/** One set of answers to a campaign's survey: one per person (account, or browser and address). */
export const ideaSurveyResponses = pgTable(
  'idea_survey_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id').notNull(),
    townId: uuid('town_id').notNull(),
    authorKind: text('author_kind', { enum: authorKinds }).notNull(),
    userId: uuid('user_id'),
    fingerprint: text('fingerprint'),
    answers: jsonb('answers').$type<Record<string, string | string[]>>().notNull(),
    createdAt: created(),
  },
  (t) => [
    uniqueIndex('idea_survey_user_key').on(t.campaignId, t.userId),
    uniqueIndex('idea_survey_fingerprint_key').on(t.campaignId, t.fingerprint),
    index('idea_survey_campaign_town_idx').on(t.campaignId, t.townId),
  ],
);

export * from './schema-citizen.js';
export * from './schema-review.js';
