import type { z } from '@hono/zod-openapi';
import { aggregateReviews } from '@qianxing/core/scoring';
import { clusterTexts } from '@qianxing/core/text';
import { segmentServer } from '@qianxing/core/text/server';
import { and, desc, eq, inArray, ne } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { forbidden } from '../../../errors.js';
import { maskNumbersInText } from '../../../privacy.js';
import type { ListKind } from '../contracts.js';
import { mayEver } from '../policy.js';
import { ideaLists, ideaSuggestions } from '../schema.js';
import { suggestionText } from '../text/engine.js';
import { currentCampaign } from './campaigns.js';
import { listsOf } from './lists-public.js';
import { submittedScores } from './reviews.js';

/** Most suggestions clustered for hard-problem candidates (the newest). */
const CLUSTER_LIMIT = 6000;

/**
 * Golden and good ideas: accepted suggestions by mean review z-score (golden the first N,
 * good the next N). Hard problems: the hottest clusters of all suggestions not rejected.
 */
export async function listCandidates(ctx: ServiceContext, kind: z.infer<typeof ListKind>) {
  if (!mayEver(ctx.principal, 'list.manage')) throw forbidden();
  const campaign = await currentCampaign(ctx.db);
  const size = campaign.listSizes[kind] ?? 10;
  if (kind === 'hard_problem') {
    const rows = await ctx.db
      .select({
        id: ideaSuggestions.id,
        title: ideaSuggestions.title,
        body: ideaSuggestions.body,
        supports: ideaSuggestions.supports,
        createdAt: ideaSuggestions.createdAt,
      })
      .from(ideaSuggestions)
      .where(and(eq(ideaSuggestions.campaignId, campaign.id), ne(ideaSuggestions.status, 'rejected')))
      .orderBy(desc(ideaSuggestions.createdAt))
      .limit(CLUSTER_LIMIT);
    const clusters = clusterTexts(
      rows.map((r) => ({
        id: r.id,
        text: suggestionText(r.title, r.body),
        time: r.createdAt,
        supports: r.supports,
      })),
      { threshold: 0.5, tokenizer: segmentServer },
    ).summaries();
    return clusters.slice(0, size * 2).map((c) => ({
      suggestionId: null,
      memberIds: c.memberIds.slice(0, 500),
      title: maskNumbersInText(c.title),
      score: c.heat,
      keywords: c.keywords,
    }));
  }
  const scores = (await submittedScores(ctx.db, campaign.id)).map((s) => ({ ...s, score: s.score! }));
  const ranked = aggregateReviews(scores);
  const eligible = new Map(
    (
      await ctx.db
        .select({ id: ideaSuggestions.id, title: ideaSuggestions.title })
        .from(ideaSuggestions)
        .where(
          and(
            eq(ideaSuggestions.campaignId, campaign.id),
            inArray(ideaSuggestions.status, ['accepted', 'adopted']),
          ),
        )
    ).map((r) => [r.id, maskNumbersInText(r.title)]),
  );
  const ordered = ranked.filter((r) => eligible.has(r.item));
  const slice = kind === 'golden_idea' ? ordered.slice(0, size * 2) : ordered.slice(size, size * 3);
  return slice.map((r) => ({
    suggestionId: r.item,
    memberIds: [],
    title: eligible.get(r.item)!,
    score: r.z,
    keywords: [],
  }));
}

/** A list of the campaign, draft or published, if it has been saved. */
export async function listRow(ctx: ServiceContext, campaignId: string, kind: z.infer<typeof ListKind>) {
  const [row] = await ctx.db
    .select()
    .from(ideaLists)
    .where(and(eq(ideaLists.campaignId, campaignId), eq(ideaLists.kind, kind)));
  return row;
}

/** The campaign's lists, drafts included, for the office. */
export async function staffLists(ctx: ServiceContext) {
  if (!mayEver(ctx.principal, 'list.manage')) throw forbidden();
  const campaign = await currentCampaign(ctx.db);
  return listsOf(ctx.db, campaign.id, false);
}
