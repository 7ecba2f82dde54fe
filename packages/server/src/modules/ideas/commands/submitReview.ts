import type { z } from '@hono/zod-openapi';
import { weightedTotal } from '@qianxing/core/scoring';
import { and, eq, exists, inArray, isNotNull, notExists, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import { AppError, forbidden, notFound } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import type { ReviewInput } from '../contracts-review.js';
import { canIdea } from '../policy.js';
import { campaignById } from '../queries/campaigns.js';
import { onPublishedIdeaLists } from '../queries/lists-public.js';
import { ideaListEntries, ideaReviews, ideaSuggestions } from '../schema.js';

type Input = { suggestionId: string; input: z.infer<typeof ReviewInput> };

/**
 * Scores count while the suggestion is under review: still accepted (or adopted) and on the
 * shortlist, and not on a published golden or good list, whose rank its scores made. Each a
 * condition on the database, so the write can hold to them as well as the checks. A suggestion
 * no published list holds may still be scored: the lists are fixed and its scores move none.
 */
const underReview = (db: Db, suggestionId: string) =>
  exists(
    db
      .select({ one: sql`1` })
      .from(ideaSuggestions)
      .where(
        and(
          eq(ideaSuggestions.id, suggestionId),
          inArray(ideaSuggestions.status, ['accepted', 'adopted']),
          isNotNull(ideaSuggestions.shortlistedAt),
        ),
      ),
  );
const notListed = (db: Db, suggestionId: string) =>
  notExists(onPublishedIdeaLists(db, eq(ideaListEntries.suggestionId, suggestionId)));
const notUnderReview = () =>
  new AppError('INVALID_STATE', 'the suggestion is no longer under review', [
    { path: 'suggestionId', message: 'not under review', code: 'not_under_review' },
  ]);
const listsPublished = () =>
  new AppError('INVALID_STATE', 'a published idea list holds the suggestion: its scores no longer change', [
    { path: 'suggestionId', message: 'on a published idea list', code: 'idea_lists_published' },
  ]);

/** Why a review may not be written now, if it may not. */
async function refusal(db: Db, suggestionId: string) {
  const [open] = await db.select({ one: sql`1` }).from(ideaSuggestions).where(underReview(db, suggestionId));
  if (!open) return notUnderReview();
  const [unlisted] = await db
    .select({ one: sql`1` })
    .from(ideaSuggestions)
    .where(and(eq(ideaSuggestions.id, suggestionId), notListed(db, suggestionId)));
  if (!unlisted) return listsPublished();
  return undefined;
}

const command = defineCommand({
  name: 'review.submit',
  async load(ctx, { suggestionId, input }: Input) {
    if (!canIdea(ctx.principal, 'review.score')) throw forbidden();
    const [found] = await ctx.db
      .select({ row: ideaReviews, campaignId: ideaSuggestions.campaignId })
      .from(ideaReviews)
      .innerJoin(ideaSuggestions, eq(ideaSuggestions.id, ideaReviews.suggestionId))
      .where(
        and(eq(ideaReviews.suggestionId, suggestionId), eq(ideaReviews.expertId, ctx.principal!.userId)),
      );
    if (!found) throw notFound('review');
    const row = found.row;
    // Scored on the rubric of the suggestion's own campaign, current or not.
    const campaign = await campaignById(ctx.db, found.campaignId);
    const codes = campaign.rubric.map((c) => c.code).sort();
    const given = Object.keys(input.scores).sort();
    if (codes.join() !== given.join())
      throw new AppError('VALIDATION', 'score every criterion of the rubric', [
        { path: 'scores', message: `expected ${codes.join(',')}`, code: 'rubric_mismatch' },
      ]);
    const refused = await refusal(ctx.db, suggestionId);
    if (refused) throw refused;
    return {
      row,
      total: Math.round(weightedTotal(input.scores, campaign.rubric) * 100) / 100,
    };
  },
  async write(tx, _ctx, { row, total }, { suggestionId, input }) {
    // Held to the same conditions: a rejection, a merge or a publication since the checks refuses it.
    const done = await tx
      .update(ideaReviews)
      .set({ scores: input.scores, total, comment: input.comment, submittedAt: new Date() })
      .where(and(eq(ideaReviews.id, row.id), underReview(tx, suggestionId), notListed(tx, suggestionId)))
      .returning({ id: ideaReviews.id });
    if (done.length === 0) throw (await refusal(tx, suggestionId)) ?? notFound('review');
    return {
      result: { total },
      audit: {
        entityType: 'review',
        entityId: row.id,
        before: row.scores ? { scores: row.scores, total: row.total } : undefined,
        after: { suggestionId, scores: input.scores, total },
      },
    };
  },
});

/** An expert's scores for one assigned suggestion, weighted by the campaign's rubric. */
export const submitReview = (ctx: ServiceContext, suggestionId: string, input: z.infer<typeof ReviewInput>) =>
  command.run(ctx, { suggestionId, input });
