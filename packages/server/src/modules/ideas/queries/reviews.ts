import {
  aggregateReviews,
  krippendorffAlphaInterval,
  type ReviewMethod,
  rankReviews,
} from '@qianxing/core/scoring';
import { and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import { forbidden } from '../../../errors.js';
import { maskNumbersInText } from '../../../privacy.js';
import { displayNames } from '../../users/api.js';
import { canIdea, mayEver } from '../policy.js';
import { ideaExpertConflicts, ideaLists, ideaReviews, ideaSuggestions } from '../schema.js';
import { blindReviewActions, reviewResultsActions } from '../staff-actions.js';
import { currentCampaign } from './campaigns.js';
import { onPublishedIdeaLists } from './lists-public.js';
import { unitIndex } from './lookup.js';
import { reviewCounts, shortlistedCount } from './shortlist.js';

/** The signed-in expert's assignments in the current campaign, blind: title, body and domain only. */
export async function myReviews(ctx: ServiceContext) {
  if (!canIdea(ctx.principal, 'review.score')) throw forbidden();
  const campaign = await currentCampaign(ctx.db);
  const rows = await ctx.db
    .select({
      suggestionId: ideaReviews.suggestionId,
      title: ideaSuggestions.title,
      body: ideaSuggestions.body,
      domain: ideaSuggestions.domain,
      scores: ideaReviews.scores,
      comment: ideaReviews.comment,
      submittedAt: ideaReviews.submittedAt,
      status: ideaSuggestions.status,
      shortlistedAt: ideaSuggestions.shortlistedAt,
    })
    .from(ideaReviews)
    .innerJoin(ideaSuggestions, eq(ideaSuggestions.id, ideaReviews.suggestionId))
    .where(and(eq(ideaReviews.expertId, ctx.principal!.userId), eq(ideaSuggestions.campaignId, campaign.id)))
    .orderBy(sql`${ideaReviews.submittedAt} nulls first`, ideaReviews.assignedAt);
  // Scoring is offered only where `submitReview` takes it: the suggestion still under review and
  // on no published golden or good list, whose rank its scores made.
  const listed = new Set(
    (await onPublishedIdeaLists(ctx.db, eq(ideaLists.campaignId, campaign.id))).map((r) => r.id),
  );
  const may = blindReviewActions(ctx.principal).score;
  const items = rows.map(({ status, shortlistedAt, ...r }) => ({
    ...r,
    title: maskNumbersInText(r.title),
    body: maskNumbersInText(r.body),
    submittedAt: r.submittedAt?.toISOString() ?? null,
    actions: {
      score:
        may &&
        (status === 'accepted' || status === 'adopted') &&
        shortlistedAt !== null &&
        !listed.has(r.suggestionId),
    },
  }));
  return { assigned: items.length, done: items.filter((i) => i.submittedAt).length, items };
}

/** Per expert: assigned and done in the current campaign. */
export async function reviewProgress(ctx: ServiceContext) {
  if (!mayEver(ctx.principal, 'review.manage')) throw forbidden();
  const campaign = await currentCampaign(ctx.db);
  const rows = await ctx.db
    .select({
      expertId: ideaReviews.expertId,
      assigned: sql<number>`count(*)::int`,
      done: sql<number>`count(${ideaReviews.submittedAt})::int`,
    })
    .from(ideaReviews)
    .innerJoin(ideaSuggestions, eq(ideaSuggestions.id, ideaReviews.suggestionId))
    .where(eq(ideaSuggestions.campaignId, campaign.id))
    .groupBy(ideaReviews.expertId);
  const names = await displayNames(
    ctx.db,
    rows.map((r) => r.expertId),
  );
  return rows
    .map((r) => ({ ...r, name: names.get(r.expertId) ?? '' }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Every submitted total of the campaign, by suggestion and expert. */
export async function submittedScores(db: Db, campaignId: string) {
  return (
    db
      .select({ item: ideaReviews.suggestionId, expert: ideaReviews.expertId, score: ideaReviews.total })
      .from(ideaReviews)
      .innerJoin(ideaSuggestions, eq(ideaSuggestions.id, ideaReviews.suggestionId))
      // Only what is still in the running: a suggestion rejected or merged after its scores would
      // otherwise still be ranked, and still move its experts' z-scores for the others.
      .where(
        and(
          eq(ideaSuggestions.campaignId, campaignId),
          inArray(ideaSuggestions.status, ['accepted', 'adopted']),
          isNotNull(ideaReviews.total),
        ),
      )
  );
}

/**
 * The ranking by the chosen method (the campaign's unless another is asked for), each suggestion
 * by its title and domain, the disputed items, and Krippendorff's alpha of the whole review.
 */
export async function reviewResults(ctx: ServiceContext, asked?: ReviewMethod) {
  if (!mayEver(ctx.principal, 'review.manage')) throw forbidden();
  const campaign = await currentCampaign(ctx.db);
  const method = asked ?? campaign.reviewMethod;
  const scores = (await submittedScores(ctx.db, campaign.id)).map((s) => ({ ...s, score: s.score! }));
  const ranked = rankReviews(aggregateReviews(scores), method);
  const rows = ranked.length
    ? await ctx.db
        .select({ id: ideaSuggestions.id, title: ideaSuggestions.title, domain: ideaSuggestions.domain })
        .from(ideaSuggestions)
        .where(
          inArray(
            ideaSuggestions.id,
            ranked.map((r) => r.item),
          ),
        )
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const counts = await reviewCounts(
    ctx.db,
    ranked.map((r) => r.item),
  );
  const items = ranked.map((r) => {
    const row = byId.get(r.item);
    return {
      ...r,
      assigned: counts.get(r.item)?.assigned ?? r.reviews,
      title: maskNumbersInText(row?.title ?? ''),
      domain: row?.domain ?? '',
      domainName: campaign.domains.find((d) => d.code === row?.domain)?.name ?? row?.domain ?? '',
    };
  });
  const byItem = new Map<string, number[]>();
  for (const s of scores) byItem.set(s.item, [...(byItem.get(s.item) ?? []), s.score]);
  const alpha = krippendorffAlphaInterval([...byItem.values()]);
  const open = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(ideaReviews)
    .where(
      and(
        isNull(ideaReviews.submittedAt),
        inArray(
          ideaReviews.suggestionId,
          ctx.db
            .select({ id: ideaSuggestions.id })
            .from(ideaSuggestions)
            .where(eq(ideaSuggestions.campaignId, campaign.id)),
        ),
      ),
    );
  return {
    method,
    campaignMethod: campaign.reviewMethod,
    shortlisted: await shortlistedCount(ctx.db, campaign.id),
    alpha: Number.isFinite(alpha) ? Math.round(alpha * 1e4) / 1e4 : null,
    open: open[0]?.n ?? 0,
    items,
    actions: reviewResultsActions(ctx.principal),
  };
}

/** The units the signed-in expert declared a conflict with, by name. */
export async function myConflicts(ctx: ServiceContext) {
  if (!canIdea(ctx.principal, 'review.score')) throw forbidden();
  const [rows, units] = await Promise.all([
    ctx.db
      .select({ unitId: ideaExpertConflicts.unitId })
      .from(ideaExpertConflicts)
      .where(eq(ideaExpertConflicts.expertId, ctx.principal!.userId)),
    unitIndex(ctx.db),
  ]);
  return rows
    .map((r) => ({ unitId: r.unitId, name: units.get(r.unitId)?.name ?? '' }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}
