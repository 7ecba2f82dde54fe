import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { addressKey } from '../../../auth/address-key.js';
import { hit } from '../../../auth/throttle.js';
import { primaryOf, type ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import { notFound } from '../../../errors.js';
import { noticesFor } from '../../../kernel/notifications.js';
import { maskNumbersInText } from '../../../privacy.js';
import { settings } from '../../../settings.js';
import type { ActionView, SuggestionQuery } from '../contracts.js';
import { isPublic, loadPublicSuggestion, openStatuses, publicStatuses, shownOnly } from '../publication.js';
import { ideaActions, ideaActionUpdates, ideaSuggestions, ideaTimeline } from '../schema.js';
import { ideasEngine } from '../text/engine.js';
import { normaliseTrackingCode } from '../text/tokens.js';
import { iso, maskedSimilar, publicView } from '../views.js';
import { campaignById, currentCampaign } from './campaigns.js';
import { listedColumns, markedWords, queryWords, relevance, withHighlights, wordMatch } from './search.js';

/**
 * Look-ups per address (per account when signed in) per minute. The form asks once the typing
 * settles, so a person makes a few a minute; each one classifies and searches, which costs.
 * Read at each look-up, so it never depends on when the module was loaded.
 */
const similarLimit = () => settings().QIANXING_IDEAS_SIMILAR_LIMIT;

/**
 * The likely domain and the nearest suggestions a citizen may still support, for a draft, asked
 * while typing. The match runs on the server's near-duplicate index, which holds every
 * suggestion of the campaign, however old.
 */
export async function similarTo(ctx: ServiceContext, text: string) {
  const who = ctx.principal ? `user:${ctx.principal.userId}` : addressKey(ctx.ip);
  await hit(ctx.db, `ideas.similar:${who}`, similarLimit(), 60, { lazyCommit: true });
  const campaign = await currentCampaign(ctx.db);
  const { prediction, similar } = await ideasEngine.analyse(ctx.db, campaign, text);
  const open = await shownOnly(ctx.db, campaign, similar, openStatuses(campaign));
  return {
    domain: { code: prediction.label, confidence: Math.round(prediction.confidence * 1e4) / 1e4 },
    similar: maskedSimilar(open).map(({ id, title, similarity, duplicate }) => ({
      id,
      title,
      similarity,
      duplicate,
    })),
  };
}

/** The newest suggestions, short: what the browser indexes to warn of duplicates while typing. */
export async function recentSuggestions(db: Db, limit: number) {
  const campaign = await currentCampaign(db);
  const rows = await db
    .select({
      id: ideaSuggestions.id,
      title: ideaSuggestions.title,
      body: sql<string>`left(${ideaSuggestions.body}, 120)`,
    })
    .from(ideaSuggestions)
    .where(
      and(
        eq(ideaSuggestions.campaignId, campaign.id),
        inArray(ideaSuggestions.status, openStatuses(campaign)),
      ),
    )
    .orderBy(desc(ideaSuggestions.createdAt))
    .limit(limit);
  return rows.map((r) => ({ id: r.id, title: maskNumbersInText(r.title), body: maskNumbersInText(r.body) }));
}

/** Filters shared by the public list and the screening queue; a query matches by words. */
export function suggestionFilters(
  campaignId: string,
  q: Omit<SuggestionQuery, 'page' | 'pageSize'>,
  words = q.q?.trim() ? queryWords(q.q) : undefined,
): SQL[] {
  const where: SQL[] = [eq(ideaSuggestions.campaignId, campaignId)];
  if (q.domain) where.push(eq(ideaSuggestions.domain, q.domain));
  if (q.townId) where.push(eq(ideaSuggestions.townId, q.townId));
  if (q.status) where.push(eq(ideaSuggestions.status, q.status));
  // A query with no searchable word (only a phone number, say) matches nothing, not everything.
  if (words) where.push(wordMatch(words));
  return where;
}

export async function searchPublic(db: Db, q: SuggestionQuery) {
  const campaign = await currentCampaign(db);
  const words = q.q?.trim() ? queryWords(q.q) : undefined;
  const where = suggestionFilters(campaign.id, q, words);
  where.push(inArray(ideaSuggestions.status, publicStatuses(campaign)));
  const byRelevance = words?.content.length && q.sort !== 'newest' ? [desc(relevance(words))] : [];
  const [rows, [count]] = await Promise.all([
    db
      .select(listedColumns)
      .from(ideaSuggestions)
      .where(and(...where))
      .orderBy(...byRelevance, desc(ideaSuggestions.createdAt), desc(ideaSuggestions.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(ideaSuggestions)
      .where(and(...where)),
  ]);
  const items = rows.map(publicView);
  return {
    total: count?.n ?? 0,
    items: words ? items.map((item) => withHighlights(item, markedWords(words))) : items,
  };
}

export async function getPublic(db: Db, id: string) {
  const { row } = await loadPublicSuggestion(db, id);
  return publicView(row);
}

/**
 * Actions as the public actions and tracking pages show them (and staff lists alike): a
 * department's title and progress notes are free text, so a phone or ID number typed into them
 * is masked.
 */
export async function actionViews(db: Db, where: SQL): Promise<ActionView[]> {
  const actions = await db.select().from(ideaActions).where(where).orderBy(desc(ideaActions.createdAt));
  if (actions.length === 0) return [];
  const updates = await db
    .select()
    .from(ideaActionUpdates)
    .where(
      inArray(
        ideaActionUpdates.actionId,
        actions.map((a) => a.id),
      ),
    )
    .orderBy(ideaActionUpdates.at);
  return actions.map((a) => ({
    id: a.id,
    title: maskNumbersInText(a.title),
    suggestionId: a.suggestionId,
    entryId: a.entryId,
    ownerUnitId: a.ownerUnitId,
    dueOn: a.dueOn,
    status: a.status,
    progress: a.progress,
    updates: updates
      .filter((u) => u.actionId === a.id)
      .map((u) => ({
        status: u.status,
        progress: u.progress,
        note: maskNumbersInText(u.note),
        at: iso(u.at),
      })),
  }));
}

/**
 * Tracking-code look-ups per address per minute. A submitter looks theirs up a few times; the
 * limit keeps anyone from trying codes in bulk. Each look-up counts, found or not, so a miss
 * tells a guesser nothing the count has not already charged for.
 */
const trackLimit = () => settings().QIANXING_IDEAS_TRACK_LIMIT;

/** What a tracking code shows: the suggestion, its timeline, its actions and the author's inbox. */
export async function track(ctx: ServiceContext, code: string) {
  await hit(primaryOf(ctx), `ideas.track:${addressKey(ctx.ip)}`, trackLimit(), 60, { lazyCommit: true });
  const db = ctx.db;
  const [row] = await db
    .select()
    .from(ideaSuggestions)
    .where(eq(ideaSuggestions.trackingCode, normaliseTrackingCode(code)));
  if (!row) throw notFound('suggestion');
  const [timeline, notifications] = await Promise.all([
    db.select().from(ideaTimeline).where(eq(ideaTimeline.suggestionId, row.id)).orderBy(ideaTimeline.at),
    noticesFor(db, row.trackingCode),
  ]);
  const target = row.mergedInto ?? row.id;
  const [actions, campaign] = await Promise.all([
    actionViews(db, eq(ideaActions.suggestionId, target)),
    campaignById(db, row.campaignId),
  ]);
  return {
    suggestion: publicView(row),
    shownInPublic: isPublic(campaign, row.status),
    timeline: timeline.map((t) => ({ kind: t.kind, params: t.params, at: iso(t.at) })),
    actions,
    notifications,
  };
}

export async function publicActions(db: Db) {
  const campaign = await currentCampaign(db);
  return actionViews(db, eq(ideaActions.campaignId, campaign.id));
}
