import type { z } from '@hono/zod-openapi';
import { aggregateReviews, rankReviews } from '@qianxing/core/scoring';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { forbidden } from '../../../errors.js';
import { maskNumbersInText } from '../../../privacy.js';
import type { ListKind } from '../contracts.js';
import type { StaffHonourList } from '../contracts-adoption.js';
import { mayEver } from '../policy.js';
import { ideaListEntries, ideaLists, ideaSuggestions, listKinds } from '../schema.js';
import { honourListActions } from '../staff-actions.js';
import { currentCampaign } from './campaigns.js';
import { hardProblems } from './hard-problems.js';
import { listsOf } from './lists-public.js';
import { submittedScores } from './reviews.js';

/**
 * The suggestions saved on the campaign's other idea list (golden for good, good for golden): an
 * idea is golden or good, never both, so they are neither offered nor taken (`saveList`). An
 * entry withdrawn from the published list no longer makes its idea golden or good: it may be
 * offered and saved on the other list.
 */
export async function onOtherIdeaList(
  db: ServiceContext['db'],
  campaignId: string,
  kind: z.infer<typeof ListKind>,
) {
  const other = otherIdeaList[kind];
  if (!other) return new Set<string>();
  const rows = await db
    .select({ id: ideaListEntries.suggestionId })
    .from(ideaListEntries)
    .innerJoin(ideaLists, eq(ideaLists.id, ideaListEntries.listId))
    .where(
      and(
        eq(ideaLists.campaignId, campaignId),
        eq(ideaLists.kind, other),
        isNull(ideaListEntries.withdrawnAt),
      ),
    );
  return new Set(rows.flatMap((r) => (r.id ? [r.id] : [])));
}

/**
 * Whether the campaign's golden list holds any entry, withdrawn ones included: until it does, the
 * good list's candidates leave its expected place (the first N) to it. Once it is saved, they are
 * the best not live on it, and an entry withdrawn since frees its idea rather than its rank
 * (every entry withdrawn offers them all again, as one withdrawn does).
 */
async function goldenFilled(db: ServiceContext['db'], campaignId: string): Promise<boolean> {
  const [row] = await db
    .select({ one: sql`1` })
    .from(ideaListEntries)
    .innerJoin(ideaLists, eq(ideaLists.id, ideaListEntries.listId))
    .where(and(eq(ideaLists.campaignId, campaignId), eq(ideaLists.kind, 'golden_idea')))
    .limit(1);
  return row !== undefined;
}

export const otherIdeaList: Partial<Record<z.infer<typeof ListKind>, z.infer<typeof ListKind>>> = {
  golden_idea: 'good_idea',
  good_idea: 'golden_idea',
};

/**
 * Golden and good ideas: accepted suggestions by the campaign's review method, mean z-score or
 * trimmed mean, less those live on the other idea list: golden the first 2N; good the next 2N
 * after the first N, or, once the golden list holds entries, the best 2N not live on it. Hard problems:
 * the hottest clusters of the suggestions screening let through.
 */
export async function listCandidates(ctx: ServiceContext, kind: z.infer<typeof ListKind>) {
  if (!mayEver(ctx.principal, 'list.manage')) throw forbidden();
  const campaign = await currentCampaign(ctx.db);
  const size = campaign.listSizes[kind] ?? 10;
  if (kind === 'hard_problem') {
    const clusters = await hardProblems(ctx.db, campaign.id);
    return clusters.slice(0, size * 2).map((c) => ({
      suggestionId: null,
      memberIds: c.memberIds,
      title: maskNumbersInText(c.title),
      score: c.heat,
      keywords: c.keywords,
    }));
  }
  const scores = (await submittedScores(ctx.db, campaign.id)).map((s) => ({ ...s, score: s.score! }));
  const ranked = rankReviews(aggregateReviews(scores), campaign.reviewMethod);
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
  const taken = await onOtherIdeaList(ctx.db, campaign.id, kind);
  const ordered = ranked.filter((r) => eligible.has(r.item) && !taken.has(r.item));
  const from = kind === 'good_idea' && !(await goldenFilled(ctx.db, campaign.id)) ? size : 0;
  const slice = ordered.slice(from, from + size * 2);
  return slice.map((r) => ({
    suggestionId: r.item,
    memberIds: [],
    title: eligible.get(r.item)!,
    score: campaign.reviewMethod === 'z' ? r.z : r.trimmed,
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

/** The campaign's lists, drafts included and every kind listed, for the office, with their actions. */
export async function staffLists(ctx: ServiceContext): Promise<z.infer<typeof StaffHonourList>[]> {
  if (!mayEver(ctx.principal, 'list.manage')) throw forbidden();
  const campaign = await currentCampaign(ctx.db);
  const saved = await listsOf(ctx.db, campaign.id, false);
  return listKinds.map((kind) => {
    const list = saved.find((l) => l.kind === kind);
    return {
      id: list?.id ?? null,
      kind,
      publishedAt: list?.publishedAt ?? null,
      entries: list?.entries ?? [],
      withdrawals: list?.withdrawals ?? [],
      actions: honourListActions(ctx.principal, list),
    };
  });
}
