import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import type { components } from '../../api/schema';
import type { Unit } from '../../api/types';
import { dayInChina } from '../../components/dayInChina';

type S = components['schemas'];
export type Campaign = S['Campaign'];
export type PublicCampaign = S['PublicCampaign'];
export type PublicSuggestion = S['PublicSuggestion'];
export type StaffSuggestion = S['StaffSuggestion'];
export type IdeaStats = S['IdeaStats'];
export type HonourList = S['HonourList'];
export type HonourListEntry = S['HonourListEntry'];
export type IdeaAction = S['IdeaAction'];
export type AdoptedAction = S['AdoptedActionList']['items'][number];
export type IdeaEvent = S['IdeaEvent'];
export type ListedEvent = S['IdeaEventList']['items'][number];
export type EventDetail = S['IdeaEventDetail'];
export type EventSuggestion = S['IdeaEventSuggestion'];
export type EventKindFigure = S['IdeaEventKindFigure'];
export type BlindReview = S['BlindReview'];
export type SuggestionStatus = S['SuggestionStatus'];
export type ListKind = S['HonourListKind'];
export type AuthorKind = S['IdeaAuthorKind'];
export type SurveyQuestion = S['SurveyQuestion'];
export type SurveyResults = S['SurveyResults'];
export type PublicComment = S['PublicComment'];
export type StaffComment = S['StaffComment'];
export type CommentStatus = S['CommentStatus'];

/** Who a participant says they are, in the order the pickers offer them. */
export const authorKinds: readonly AuthorKind[] = [
  'resident',
  'cadre',
  'native_abroad',
  'student',
  'enterprise',
  'deputy',
];
export const commentStatuses: readonly CommentStatus[] = ['pending', 'published', 'hidden'];

export const suggestionStatuses: readonly SuggestionStatus[] = [
  'submitted',
  'accepted',
  'rejected',
  'merged',
  'adopted',
];
export const listKinds: readonly ListKind[] = ['golden_idea', 'good_idea', 'hard_problem'];
export const statusColor: Record<string, string> = {
  submitted: 'processing',
  accepted: 'success',
  rejected: 'error',
  merged: 'default',
  adopted: 'gold',
  planned: 'default',
  in_progress: 'processing',
  done: 'success',
  cancelled: 'error',
};
/** The reasons the app has words for; the office may add reasons of its own, in its own words. */
export const knownRejectReasons = [
  'off_topic',
  'duplicate',
  'insufficient',
  'inappropriate',
  'personal_matter',
];

/** A reject reason as staff see it: the app's wording for a built-in code, else as the office wrote it. */
export function rejectReasonLabel(t: TFunction, reason: string): string {
  return knownRejectReasons.includes(reason) ? t(`ideas.rejectReason.${reason}`) : reason;
}

/**
 * A reject reason fit for the author: as staff see it, except a lower-case code of the office's
 * own (from before reasons were written in words), which means nothing to a citizen: none then.
 */
export function rejectReasonForAuthor(t: TFunction, reason: string): string | null {
  if (!knownRejectReasons.includes(reason) && /^[a-z0-9][a-z0-9_-]*$/.test(reason)) return null;
  return rejectReasonLabel(t, reason);
}

export const townKinds = new Set<string>(['subdistrict', 'town', 'township']);

/** A count with the reader's language's grouping (10,400), as antd's Statistic and the public site write it. */
export function useCount(): (n: number) => string {
  const { i18n } = useTranslation();
  return (n: number) => n.toLocaleString(i18n.language);
}

/**
 * The current campaign: its domains, rubric, reasons and list sizes; `failed` says it could not be
 * loaded (its pickers would otherwise offer no domains), `reload` asks again.
 */
export function useCampaign() {
  const api = useApi();
  const { data, loading, failed, reload } = useLoad(
    async () => unwrap(await api.GET('/api/v1/public/campaign')),
    ['campaign'],
  );
  return { campaign: data, failed: failed && !loading, loaded: data !== null, reload };
}

/**
 * The towns and streets of the district, for pickers and names; `failed` says they could not be
 * loaded (a picker would otherwise offer none), `reload` asks again.
 */
export function useTowns() {
  const api = useApi();
  const { data, loading, failed, reload } = useLoad(
    async () => unwrap(await api.GET('/api/v1/units')),
    ['units'],
  );
  const units: Unit[] = data ?? [];
  const towns = units.filter((u) => townKinds.has(u.kind));
  const nameOf = new Map(units.map((u) => [u.id, u.name]));
  return { units, towns, nameOf, failed: failed && !loading, loaded: data !== null, reload };
}

/**
 * A domain in the reader's language: the translation of a known code, else the campaign's own
 * name of it (the server sends it with the row), so a code never shows.
 */
export function domainLabel(t: TFunction, code: string, name: string | null): string {
  return t(`ideas.domainNames.${code}`, { defaultValue: name ?? t('ideas.domainNames.unknown') });
}

/**
 * A domain in the reader's language ({@link domainLabel}), or null while only the campaign can
 * name it and the campaign is not there (loading, or failed to load): its code never stands in.
 */
export function domainLabelOf(t: TFunction, code: string, campaign: Campaign | null): string | null {
  const label = domainLabel(t, code, campaign?.domains.find((d) => d.code === code)?.name ?? null);
  return campaign || label !== t('ideas.domainNames.unknown') ? label : null;
}

/** A moment as the day it was in the district (see dayInChina). */
export function formatDate(iso: string): string {
  return dayInChina(iso);
}

import { useLoad } from '../../components/useLoad';

export { useLoad };
