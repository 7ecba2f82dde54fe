import { and, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { notFound } from '../../errors.js';
import type { Campaign, SuggestionStatus } from './contracts.js';
import { campaignById } from './queries/campaigns.js';
import { loadSuggestion } from './queries/lookup.js';
import { ideaSuggestions } from './schema.js';

/**
 * The statuses the public site shows for a campaign. By default a suggestion shows once
 * screening accepted it (or merged it into one that was), so nothing unscreened — a slur, a
 * phone number the masking missed — reaches the public before a screener has read it; a
 * campaign may choose to show suggestions as soon as they arrive. Rejected ones never show.
 */
export function publicStatuses(campaign: Pick<Campaign, 'publication'>): SuggestionStatus[] {
  return campaign.publication === 'on_submission'
    ? ['submitted', 'accepted', 'adopted', 'merged']
    : ['accepted', 'adopted', 'merged'];
}

/** Statuses a person may support or comment on: shown, and still open. */
export function openStatuses(campaign: Pick<Campaign, 'publication'>): SuggestionStatus[] {
  return publicStatuses(campaign).filter((s) => s !== 'merged');
}

export function isPublic(campaign: Pick<Campaign, 'publication'>, status: SuggestionStatus): boolean {
  return publicStatuses(campaign).includes(status);
}

/**
 * A suggestion as the public may see it, with its campaign; "not found" when its campaign does
 * not show it (yet), so an unscreened suggestion cannot be told apart from none.
 */
export async function loadPublicSuggestion(db: Db, id: string) {
  const row = await loadSuggestion(db, id);
  const campaign = await campaignById(db, row.campaignId);
  if (!isPublic(campaign, row.status)) throw notFound('suggestion');
  return { row, campaign };
}

/**
 * The near duplicates the public may see: those whose status is among `statuses` (by default
 * every status the campaign shows). The text index holds unscreened suggestions too, because
 * screeners need them.
 */
export async function shownOnly<T extends { id: string }>(
  db: Db,
  campaign: Pick<Campaign, 'publication'>,
  similar: readonly T[],
  statuses: SuggestionStatus[] = publicStatuses(campaign),
): Promise<T[]> {
  if (similar.length === 0) return [];
  const rows = await db
    .select({ id: ideaSuggestions.id })
    .from(ideaSuggestions)
    .where(
      and(
        inArray(
          ideaSuggestions.id,
          similar.map((s) => s.id),
        ),
        inArray(ideaSuggestions.status, statuses),
      ),
    );
  const shown = new Set(rows.map((r) => r.id));
  return similar.filter((s) => shown.has(s.id));
}
