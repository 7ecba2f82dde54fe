import { z } from '@hono/zod-openapi';
import { isoDate } from '../../http/input.js';
import {
  AuthorKind,
  Campaign,
  CampaignActions,
  CampaignListActions,
  Channel,
  ShortlistQuota,
} from './contracts.js';
import { SurveyQuestion } from './contracts-engage.js';
import { listKinds, publications, reviewMethods } from './schema.js';

const code = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'lower-case letters, digits, "-" or "_"');
const label = z.string().trim().min(1).max(60);
/**
 * A reject reason is shown to the author on the tracking page, so the office writes it in its
 * own words (已有政策覆盖); the built-in codes (off_topic …) are worded by the app instead.
 */
const rejectReason = z
  .string()
  .trim()
  .min(1)
  .max(40)
  // A refinement, not a pattern: OpenAPI patterns have no Unicode classes.
  .refine((s) => !/[\p{Cc}\p{Cf}]/u.test(s), {
    message: 'no control characters',
    params: { reason: 'invalid_format' },
  });
const uniqueBy =
  <T>(key: (x: T) => string, what: string) =>
  (items: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(key(item)))
        ctx.addIssue({
          code: 'custom',
          path: [i],
          message: `duplicate ${what}`,
          params: { reason: 'duplicate' },
        });
      seen.add(key(item));
    });
  };

const fields = {
  theme: z.string().trim().min(2).max(120),
  startsOn: isoDate(),
  endsOn: isoDate(),
  focusAreas: z
    .array(z.object({ name: label, description: z.string().trim().max(200).default('') }).strict())
    .max(30)
    .superRefine(uniqueBy((x) => x.name, 'focus area')),
  domains: z
    .array(z.object({ code, name: label, description: z.string().trim().max(500) }).strict())
    .min(1)
    .max(40)
    .superRefine(uniqueBy((d) => d.code, 'domain code')),
  channels: z
    .array(Channel)
    .min(1)
    .superRefine(uniqueBy((x) => x, 'channel')),
  authorKinds: z
    .array(AuthorKind)
    .min(1)
    .superRefine(uniqueBy((x) => x, 'author kind')),
  rubric: z
    .array(z.object({ code, name: label, weight: z.number().positive().max(100) }).strict())
    .min(1)
    .max(12)
    .superRefine(uniqueBy((c) => c.code, 'criterion code')),
  rejectReasons: z
    .array(rejectReason)
    .min(1)
    .max(30)
    .superRefine(uniqueBy((x) => x, 'reason')),
  listSizes: z.object(Object.fromEntries(listKinds.map((k) => [k, z.number().int().min(1).max(50)]))),
  reviewersPerItem: z.number().int().min(1).max(9),
  maxReviewsPerExpert: z.number().int().min(1).max(100_000).nullable(),
  reviewMethod: z.enum(reviewMethods),
  shortlistQuota: ShortlistQuota,
  publication: z.enum(publications),
  survey: z
    .array(
      SurveyQuestion.refine((q) => (q.kind === 'text' ? q.options.length === 0 : q.options.length >= 2), {
        message: 'a choice needs two options or more, a text question none',
        path: ['options'],
        params: { reason: 'options_for_kind' },
      }),
    )
    .max(30)
    .superRefine(uniqueBy((q) => q.code, 'question code')),
};

export const periodInOrder = (c: { startsOn?: string | undefined; endsOn?: string | undefined }) =>
  !c.startsOn || !c.endsOn || c.startsOn <= c.endsOn;
export const periodIssue = {
  message: 'endsOn is before startsOn',
  path: ['endsOn'],
  params: { reason: 'period_order' },
};

/** A domain's own shortlist quota must name one of the campaign's domains. */
export const quotaDomainsKnown = (c: {
  domains?: Array<{ code: string }> | undefined;
  shortlistQuota?: { byDomain: Record<string, number> } | undefined;
}) =>
  !c.domains ||
  !c.shortlistQuota ||
  Object.keys(c.shortlistQuota.byDomain).every((k) => c.domains!.some((d) => d.code === k));
export const quotaIssue = {
  message: 'the quota names a domain the campaign does not have',
  path: ['shortlistQuota', 'byDomain'],
  params: { reason: 'unknown_domain' },
};

export const CampaignInput = z
  .object({
    code,
    ...fields,
    reviewersPerItem: fields.reviewersPerItem.default(3),
    maxReviewsPerExpert: fields.maxReviewsPerExpert.default(null),
    reviewMethod: fields.reviewMethod.default('z'),
    shortlistQuota: fields.shortlistQuota.default({ perDomain: 20, byDomain: {} }),
    publication: fields.publication.default('after_acceptance'),
    survey: fields.survey.default([]),
  })
  .strict()
  .refine(periodInOrder, periodIssue)
  .refine(quotaDomainsKnown, quotaIssue)
  .openapi('CampaignInput');
export const CampaignUpdate = z
  .object(fields)
  .partial()
  .strict()
  .refine(periodInOrder, periodIssue)
  .refine(quotaDomainsKnown, quotaIssue)
  .openapi('CampaignUpdate');
/** A later end of the period (延长征集期). */
export const CampaignExtension = z.object({ endsOn: isoDate() }).strict().openapi('CampaignExtension');
export const CampaignSummary = Campaign.extend({
  isCurrent: z.boolean(),
  suggestions: z.number().int(),
  actions: CampaignActions,
}).openapi('CampaignSummary');
export const CampaignList = z
  .object({ items: z.array(CampaignSummary), actions: CampaignListActions })
  .openapi('CampaignList');
