import { z } from '@hono/zod-openapi';
import { aggregateReviews } from '@qianxing/core/scoring';
import { clusterTexts } from '@qianxing/core/text';
import { segmentServer } from '@qianxing/core/text/server';
import { and, desc, eq, inArray, ne } from 'drizzle-orm';
import { audit } from '../../../audit/audit.js';
import { actor, type ServiceContext } from '../../../context.js';
import { transaction } from '../../../db/transaction.js';
import { AppError, forbidden } from '../../../errors.js';
import { maskNumbersInText } from '../../../privacy.js';
import type { ListKind } from '../contracts.js';
import { notifyAll } from '../notify.js';
import { mayEver } from '../policy.js';
import { currentCampaign } from '../queries/campaigns.js';
import { listsOf } from '../queries/lists-public.js';
import { submittedScores } from '../queries/reviews.js';
import { ideaListEntries, ideaLists, ideaSuggestions } from '../schema.js';
import { suggestionText } from '../text/engine.js';

export const EntryInput = z
  .object({
    rank: z.number().int().min(1).max(100),
    suggestionId: z.uuid().nullable().default(null),
    memberIds: z.array(z.uuid()).max(500).default([]),
    title: z.string().trim().min(2).max(120),
    citation: z.string().trim().max(2000).default(''),
  })
  .strict()
  .openapi('HonourListEntryInput');
export const SaveListInput = z
  .object({ entries: z.array(EntryInput).max(100) })
  .strict()
  .openapi('SaveListInput');
export const Candidate = z
  .object({
    suggestionId: z.uuid().nullable(),
    memberIds: z.array(z.uuid()),
    title: z.string(),
    score: z.number(),
    keywords: z.array(z.string()),
  })
  .openapi('HonourListCandidate');

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

async function listRow(ctx: ServiceContext, campaignId: string, kind: z.infer<typeof ListKind>) {
  const [row] = await ctx.db
    .select()
    .from(ideaLists)
    .where(and(eq(ideaLists.campaignId, campaignId), eq(ideaLists.kind, kind)));
  return row;
}

/** The office's choice and citations for a list, while it is a draft. */
export async function saveList(
  ctx: ServiceContext,
  kind: z.infer<typeof ListKind>,
  input: z.infer<typeof SaveListInput>,
) {
  if (!mayEver(ctx.principal, 'list.manage')) throw forbidden();
  const campaign = await currentCampaign(ctx.db);
  const size = campaign.listSizes[kind] ?? 10;
  if (input.entries.length > size)
    throw new AppError('VALIDATION', `at most ${size} entries`, [
      { path: 'entries', message: 'too many', code: 'too_big', params: { origin: 'array', maximum: size } },
    ]);
  const ranks = input.entries.map((e) => e.rank);
  if (new Set(ranks).size !== ranks.length)
    throw new AppError('VALIDATION', 'ranks repeat', [
      { path: 'entries', message: 'duplicate rank', code: 'duplicate' },
    ]);
  const ids = input.entries.flatMap((e) => [...(e.suggestionId ? [e.suggestionId] : []), ...e.memberIds]);
  if (ids.length) {
    const found = await ctx.db
      .select({ id: ideaSuggestions.id })
      .from(ideaSuggestions)
      .where(and(eq(ideaSuggestions.campaignId, campaign.id), inArray(ideaSuggestions.id, ids)));
    if (found.length !== new Set(ids).size)
      throw new AppError('VALIDATION', 'unknown suggestion', [
        { path: 'entries', message: 'unknown suggestion', code: 'unknown_suggestion' },
      ]);
  }
  const existing = await listRow(ctx, campaign.id, kind);
  if (existing?.publishedAt) throw new AppError('INVALID_STATE', 'the list is published');
  return transaction(ctx.db, async (tx) => {
    const list =
      existing ?? (await tx.insert(ideaLists).values({ campaignId: campaign.id, kind }).returning())[0]!;
    await tx.delete(ideaListEntries).where(eq(ideaListEntries.listId, list.id));
    if (input.entries.length)
      await tx.insert(ideaListEntries).values(input.entries.map((e) => ({ ...e, listId: list.id })));
    await audit(tx, actor(ctx), {
      action: 'list.save',
      entityType: 'list',
      entityId: list.id,
      after: { kind, entries: input.entries },
    });
    return (await listsOf(tx, campaign.id, false)).find((l) => l.kind === kind)!;
  });
}

/** Publishes a list (audited); the authors of its entries are told. */
export async function publishList(ctx: ServiceContext, kind: z.infer<typeof ListKind>) {
  if (!mayEver(ctx.principal, 'list.manage')) throw forbidden();
  const campaign = await currentCampaign(ctx.db);
  const list = await listRow(ctx, campaign.id, kind);
  if (!list) throw new AppError('INVALID_STATE', 'the list has no entries yet');
  if (list.publishedAt) throw new AppError('INVALID_STATE', 'the list is published');
  const entries = await ctx.db.select().from(ideaListEntries).where(eq(ideaListEntries.listId, list.id));
  if (entries.length === 0) throw new AppError('INVALID_STATE', 'the list has no entries yet');
  const ids = [
    ...new Set(entries.flatMap((e) => [...(e.suggestionId ? [e.suggestionId] : []), ...e.memberIds])),
  ];
  const authors = ids.length
    ? await ctx.db.select().from(ideaSuggestions).where(inArray(ideaSuggestions.id, ids))
    : [];
  return transaction(ctx.db, async (tx) => {
    const publishedAt = new Date();
    await tx.update(ideaLists).set({ publishedAt }).where(eq(ideaLists.id, list.id));
    await notifyAll(tx, authors, 'ideas.notice.honoured', { list: kind });
    await audit(tx, actor(ctx), {
      action: 'list.publish',
      entityType: 'list',
      entityId: list.id,
      after: { kind, publishedAt, entries: entries.length },
    });
    return (await listsOf(tx, campaign.id, false)).find((l) => l.kind === kind)!;
  });
}

export async function staffLists(ctx: ServiceContext) {
  if (!mayEver(ctx.principal, 'list.manage')) throw forbidden();
  const campaign = await currentCampaign(ctx.db);
  return listsOf(ctx.db, campaign.id, false);
}
