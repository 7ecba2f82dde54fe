import type { z } from '@hono/zod-openapi';
import type { Principal } from '../../auth/principal.js';
import { mergeableInto, screenableFrom } from './commands/screen-common.js';
import type {
  AdoptionActions,
  BlindReviewActions,
  CampaignActions,
  CampaignListActions,
  CommentActions,
  DuplicateActions,
  EventActions,
  EventListActions,
  ExportActions,
  IdeaActionActions,
  ReviewResultsActions,
  ScreeningActions,
  SuggestionActions,
} from './contracts.js';
import type { HonourListActions } from './contracts-adoption.js';
import type { SelectionActions } from './contracts-shortlist.js';
import { canIdea, mayEver } from './policy.js';
import type { SuggestionRow } from './queries/lookup.js';

/*
 * The actions sent with each staff view, from the ideas policy and the record's state: what the
 * routes would accept from this caller now. The web app shows a button or menu entry for each
 * true one and never decides by role itself.
 */

type P = Principal | null;
type Shape<T extends z.ZodType> = z.infer<T>;

/** An adopted action is open to progress reports until it is done or cancelled. */
export const progressable = (status: string) => status !== 'done' && status !== 'cancelled';

export const screeningActions = (p: P): Shape<typeof ScreeningActions> => ({
  submitWritten: mayEver(p, 'suggestion.submitWritten'),
  import: mayEver(p, 'suggestion.import'),
  screen: mayEver(p, 'suggestion.screen'),
});

/** Screening happens in the current campaign only; a suggestion of an earlier one is read-only. */
export function suggestionActions(
  p: P,
  row: Pick<SuggestionRow, 'status' | 'campaignId'>,
  townPath: string,
  currentCampaignId: string,
): Shape<typeof SuggestionActions> {
  const screen = row.campaignId === currentCampaignId && canIdea(p, 'suggestion.screen', townPath);
  return {
    accept: screen && screenableFrom.accept(row.status),
    reject: screen && screenableFrom.reject(row.status),
    merge: screen && screenableFrom.merge(row.status),
    reclassify: screen && screenableFrom.reclassify(row.status),
    attach: canIdea(p, 'suggestion.submitWritten', townPath),
  };
}

/** `target` is undefined when the near-duplicate is no longer in the database. */
export function duplicateActions(
  p: P,
  merge: boolean,
  target: { status: SuggestionRow['status']; townPath: string } | undefined,
): Shape<typeof DuplicateActions> {
  return {
    mergeInto:
      merge && !!target && mergeableInto(target.status) && canIdea(p, 'suggestion.screen', target.townPath),
  };
}

/** Moderation is by the suggestion's town; publishing again or hiding again changes nothing. */
export function commentActions(p: P, status: string, townPath: string): Shape<typeof CommentActions> {
  const screen = canIdea(p, 'suggestion.screen', townPath);
  return { publish: screen && status !== 'published', hide: screen && status !== 'hidden' };
}

export const eventListActions = (p: P): Shape<typeof EventListActions> => ({
  create: mayEver(p, 'event.manage'),
});

export const eventActions = (p: P, organiserPath: string): Shape<typeof EventActions> => ({
  update: canIdea(p, 'event.manage', organiserPath),
});

/** The tabs of 结果与名单, each the policy of the routes behind it; the console menu shows the page for any. */
export const selectionActions = (p: P): Shape<typeof SelectionActions> => ({
  shortlist: mayEver(p, 'review.shortlist'),
  results: mayEver(p, 'review.manage'),
  lists: mayEver(p, 'list.manage'),
});

export const reviewResultsActions = (p: P): Shape<typeof ReviewResultsActions> => ({
  assign: mayEver(p, 'review.manage'),
});

export const blindReviewActions = (p: P): Shape<typeof BlindReviewActions> => ({
  score: canIdea(p, 'review.score'),
});

export const adoptionActions = (p: P): Shape<typeof AdoptionActions> => ({
  adopt: mayEver(p, 'action.manage'),
});

export const ideaActionActions = (
  p: P,
  status: string,
  ownerPath: string,
): Shape<typeof IdeaActionActions> => ({
  progress: progressable(status) && canIdea(p, 'action.progress', ownerPath),
});

export const campaignListActions = (p: P): Shape<typeof CampaignListActions> => ({
  create: canIdea(p, 'campaign.manage'),
});

export const campaignActions = (p: P, isCurrent: boolean): Shape<typeof CampaignActions> => ({
  edit: canIdea(p, 'campaign.manage'),
  makeCurrent: !isCurrent && canIdea(p, 'campaign.manage'),
});

/** The dashboard and the survey results: whoever reads them may download them. */
export const exportActions = (p: P): Shape<typeof ExportActions> => ({
  export: mayEver(p, 'suggestion.staffRead'),
});

/**
 * A published list no longer changes but for an entry the office withdraws; only a saved draft
 * with entries can be published.
 */
export function honourListActions(
  p: P,
  list: { publishedAt: string | null; entries: readonly unknown[] } | undefined,
): Shape<typeof HonourListActions> {
  const manage = mayEver(p, 'list.manage');
  const save = manage && !list?.publishedAt;
  return {
    save,
    publish: save && !!list && list.entries.length > 0,
    withdraw: manage && !!list?.publishedAt && list.entries.length > 0,
  };
}
