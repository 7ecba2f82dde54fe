import type { z } from '@hono/zod-openapi';
import { weightedTotal } from '@qianxing/core/scoring';
import { and, eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { AppError, forbidden, notFound } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import type { ReviewInput } from '../contracts-review.js';
import { canIdea } from '../policy.js';
import { campaignById } from '../queries/campaigns.js';
import { ideaReviews, ideaSuggestions } from '../schema.js';

type Input = { suggestionId: string; input: z.infer<typeof ReviewInput> };

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
        { path: 'scores', message: `expected ${codes.join(',')}` },
      ]);
    return { row, total: Math.round(weightedTotal(input.scores, campaign.rubric) * 100) / 100 };
  },
  async write(tx, _ctx, { row, total }, { suggestionId, input }) {
    await tx
      .update(ideaReviews)
      .set({ scores: input.scores, total, comment: input.comment, submittedAt: new Date() })
      .where(eq(ideaReviews.id, row.id));
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
