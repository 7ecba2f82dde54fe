import { z } from '@hono/zod-openapi';
import { ShortlistQuota } from './contracts.js';

const may = z.boolean();

/**
 * The selection page's parts the caller may use: the shortlist (the office, and organisers for
 * their own towns), the review's results (the office, which assigns the experts), the honour lists
 * (the office).
 */
export const SelectionActions = z
  .object({ shortlist: may, results: may, lists: may })
  .openapi('SelectionActions');

/** The shortlist page: apply the proposal by the quota (the office), change the quota, edit by hand. */
export const ShortlistActions = z
  .object({ apply: may, setQuota: may, edit: may, export: may })
  .openapi('ShortlistActions');
/** One suggestion: put it on the shortlist or take it off (its town is in the caller's scope). */
export const ShortlistItemActions = z.object({ toggle: may }).openapi('ShortlistItemActions');

export const ShortlistView = z.enum(['all', 'proposed', 'shortlisted', 'differs']);

export const ShortlistQuery = z.object({
  /** `differs`: proposed but not on the shortlist, or on it but not proposed. */
  view: ShortlistView.default('all'),
  domain: z.string().max(40).optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const ShortlistItem = z
  .object({
    id: z.uuid(),
    title: z.string(),
    domain: z.string(),
    domainName: z.string(),
    /** Whether a screener confirmed the domain, or it is the classifier's with this confidence. */
    domainConfirmed: z.boolean(),
    domainConfidence: z.number(),
    townName: z.string(),
    supports: z.number().int(),
    /** The heat of its near-duplicate group and how many suggestions the group holds. */
    groupHeat: z.number(),
    groupSize: z.number().int(),
    /** Why the proposal takes it or not; `proposed` and `over_quota` items have a place in their domain. */
    reason: z.enum(['proposed', 'same_group', 'over_quota']),
    rank: z.number().int().nullable(),
    /** For a near-duplicate: the group's suggestion the proposal considers instead. */
    representative: z.object({ id: z.uuid(), title: z.string() }).nullable(),
    shortlisted: z.boolean(),
    reviewsAssigned: z.number().int(),
    reviewsDone: z.number().int(),
    actions: ShortlistItemActions,
  })
  .openapi('ShortlistItem');

export const ShortlistDomain = z
  .object({
    code: z.string(),
    name: z.string(),
    quota: z.number().int(),
    accepted: z.number().int(),
    proposed: z.number().int(),
    shortlisted: z.number().int(),
  })
  .openapi('ShortlistDomain');

export const ShortlistPage = z
  .object({
    total: z.number().int(),
    items: z.array(ShortlistItem),
    quota: ShortlistQuota,
    domains: z.array(ShortlistDomain),
    accepted: z.number().int(),
    proposed: z.number().int(),
    shortlisted: z.number().int(),
    actions: ShortlistActions,
  })
  .openapi('ShortlistPage');

/** Apply the proposal: make the shortlist the proposal (`replace`), or only add what it proposes. */
export const ShortlistApply = z.object({ replace: z.boolean() }).strict().openapi('ShortlistApply');

export const ShortlistEdit = z
  .object({
    add: z.array(z.uuid()).max(500).default([]),
    remove: z.array(z.uuid()).max(500).default([]),
  })
  .strict()
  .refine((e) => e.add.length + e.remove.length > 0, {
    message: 'nothing to add or remove',
    path: ['add'],
    params: { reason: 'empty' },
  })
  .openapi('ShortlistEdit');

export const ShortlistChange = z
  .object({
    added: z.number().int(),
    removed: z.number().int(),
    /** On the shortlist though not proposed: kept because experts already have it. */
    kept: z.number().int(),
    shortlisted: z.number().int(),
    /**
     * Of an edit, the suggestions named that did not change: already so, kept by a review, or
     * no longer accepted (rejected, merged or adopted since the checks).
     */
    unchanged: z.array(z.uuid()).optional(),
  })
  .openapi('ShortlistChange');
