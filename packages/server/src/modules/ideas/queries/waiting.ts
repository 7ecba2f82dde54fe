import { and, eq, isNull, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { type WaitingCounter, whereListed } from '../../../kernel/waiting.js';
import { canIdea, mayEver } from '../policy.js';
import { ideaReviews } from '../schema.js';
import { commentQueue } from './comments.js';
import { screeningQueue } from './screening.js';

/**
 * Suggestions in the caller's towns not yet screened, comments on them not yet published or
 * hidden (their screeners moderate them), and the caller's reviews not yet scored.
 */
export const ideasWaiting: WaitingCounter = async (ctx: ServiceContext) => {
  const found = [];
  if (mayEver(ctx.principal, 'suggestion.screen')) {
    const queue = await whereListed(() => screeningQueue(ctx, { status: 'submitted', page: 1, pageSize: 1 }));
    if (queue) found.push({ key: 'toScreen', count: queue.total, path: '/admin/ideas/screening' });
    const comments = await whereListed(() => commentQueue(ctx, { status: 'pending', page: 1, pageSize: 1 }));
    if (comments) found.push({ key: 'toModerate', count: comments.total, path: '/admin/ideas/comments' });
  }
  if (canIdea(ctx.principal, 'review.score')) {
    const [row] = await ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(ideaReviews)
      .where(and(eq(ideaReviews.expertId, ctx.principal!.userId), isNull(ideaReviews.submittedAt)));
    found.push({ key: 'toReview', count: row?.n ?? 0, path: '/admin/ideas/reviews' });
  }
  return found;
};
