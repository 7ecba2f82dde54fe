import type { components } from '../../../api/schema';
import {
  authorKinds,
  type Campaign,
  knownRejectReasons,
  type listKinds,
  type SurveyQuestion,
} from '../shared';

type S = components['schemas'];
export type CampaignInput = S['CampaignInput'];
export type CampaignUpdate = S['CampaignUpdate'];
export type CampaignSummary = S['CampaignSummary'];
type Channel = S['IdeaChannel'];
type AuthorKind = S['IdeaAuthorKind'];

export const campaignChannels: readonly Channel[] = ['online', 'written', 'outreach', 'homecoming', 'event'];
export const campaignAuthorKinds: readonly AuthorKind[] = authorKinds;
export const surveyKinds: readonly SurveyQuestion['kind'][] = ['single', 'multiple', 'text'];
/** The server's limits for a survey: questions per campaign, options per question. */
export const surveyLimits = { questions: 30, options: 12, optionLength: 60 } as const;
/** The server's rule for campaign, domain and criterion codes. */
export const codePattern = /^[a-z0-9][a-z0-9_-]{0,39}$/;

const pick = <T extends string>(known: readonly T[], values: readonly string[]): T[] =>
  known.filter((k) => values.includes(k));

/** The server's default shortlist quota: twenty per domain, none of a domain's own. */
export const defaultShortlistQuota = { perDomain: 20, byDomain: {} } as const;

/** What a first campaign starts from when there is none to copy. */
const blank: CampaignInput = {
  code: '',
  theme: '',
  startsOn: '',
  endsOn: '',
  focusAreas: [],
  domains: [{ code: '', name: '', description: '' }],
  channels: [...campaignChannels],
  authorKinds: [...campaignAuthorKinds],
  rubric: [{ code: '', name: '', weight: 1 }],
  rejectReasons: [...knownRejectReasons],
  listSizes: { golden_idea: 10, good_idea: 10, hard_problem: 10 },
  reviewersPerItem: 3,
  maxReviewsPerExpert: null,
  reviewMethod: 'z',
  shortlistQuota: { ...defaultShortlistQuota },
  publication: 'after_acceptance',
  survey: [],
};

/** The form's values for a campaign; a copy for a new campaign leaves the code empty. */
export function valuesOf(campaign: Campaign | undefined, copy: boolean): CampaignInput {
  if (!campaign) return structuredClone(blank);
  const size = (kind: (typeof listKinds)[number]) => campaign.listSizes[kind] ?? blank.listSizes[kind];
  return {
    code: copy ? '' : campaign.code,
    theme: campaign.theme,
    startsOn: campaign.startsOn,
    endsOn: campaign.endsOn,
    focusAreas: campaign.focusAreas.map((f) => ({ ...f })),
    domains: campaign.domains.map((d) => ({ ...d })),
    channels: pick(campaignChannels, campaign.channels),
    authorKinds: pick(campaignAuthorKinds, campaign.authorKinds),
    rubric: campaign.rubric.map((c) => ({ ...c })),
    rejectReasons: [...campaign.rejectReasons],
    listSizes: {
      golden_idea: size('golden_idea'),
      good_idea: size('good_idea'),
      hard_problem: size('hard_problem'),
    },
    reviewersPerItem: campaign.reviewersPerItem,
    maxReviewsPerExpert: campaign.maxReviewsPerExpert,
    reviewMethod: campaign.reviewMethod,
    shortlistQuota: {
      perDomain: campaign.shortlistQuota.perDomain,
      byDomain: { ...campaign.shortlistQuota.byDomain },
    },
    publication: campaign.publication,
    survey: campaign.survey.map((q) => ({ ...q, options: [...q.options] })),
  };
}

/** The request body from the form's values: only the fields the server knows, trimmed. */
export function inputOf(values: CampaignInput): CampaignInput {
  return {
    code: values.code.trim(),
    theme: values.theme.trim(),
    startsOn: values.startsOn,
    endsOn: values.endsOn,
    focusAreas: (values.focusAreas ?? [])
      .map((a) => ({ name: (a?.name ?? '').trim(), description: (a?.description ?? '').trim() }))
      .filter((a) => a.name),
    domains: values.domains.map((d) => ({
      code: d.code.trim(),
      name: d.name.trim(),
      description: (d.description ?? '').trim(),
    })),
    channels: values.channels,
    authorKinds: values.authorKinds,
    rubric: values.rubric.map((c) => ({ code: c.code.trim(), name: c.name.trim(), weight: c.weight })),
    rejectReasons: values.rejectReasons.map((r) => r.trim()),
    listSizes: {
      golden_idea: values.listSizes.golden_idea,
      good_idea: values.listSizes.good_idea,
      hard_problem: values.listSizes.hard_problem,
    },
    reviewersPerItem: values.reviewersPerItem,
    // An emptied number box reads undefined: no cap.
    maxReviewsPerExpert: values.maxReviewsPerExpert ?? null,
    reviewMethod: values.reviewMethod,
    // A domain removed from the form takes its own quota with it.
    shortlistQuota: {
      perDomain: values.shortlistQuota?.perDomain ?? defaultShortlistQuota.perDomain,
      byDomain: Object.fromEntries(
        Object.entries(values.shortlistQuota?.byDomain ?? {}).filter(([code]) =>
          values.domains.some((d) => d.code.trim() === code),
        ),
      ),
    },
    publication: values.publication,
    survey: (values.survey ?? []).map((q) => ({
      code: q.code.trim(),
      text: q.text.trim(),
      kind: q.kind,
      // A text question has no options; those typed before the kind changed are dropped.
      options: q.kind === 'text' ? [] : (q.options ?? []).map((o) => o.trim()).filter(Boolean),
      required: Boolean(q.required),
    })),
  };
}

/**
 * Only the fields that differ from what the form opened with, so an edit leaves alone what
 * someone else changed meanwhile and the audit trail shows what this edit was about.
 */
export function changesOf(before: CampaignInput, after: CampaignInput): CampaignUpdate {
  const { code: _code, ...next } = inputOf(after);
  const previous = inputOf(before);
  return Object.fromEntries(
    Object.entries(next).filter(
      ([key, value]) => JSON.stringify(value) !== JSON.stringify(previous[key as keyof CampaignInput]),
    ),
  ) as CampaignUpdate;
}

/** The keys that appear more than once, for the form's own duplicate check. */
export function repeated(codes: readonly (string | undefined)[]): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const code of codes) {
    const c = code?.trim();
    if (!c) continue;
    if (seen.has(c)) twice.add(c);
    seen.add(c);
  }
  return twice;
}
