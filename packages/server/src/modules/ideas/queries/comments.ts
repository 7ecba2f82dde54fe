import type { z } from '@hono/zod-openapi';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { forbidden } from '../../../errors.js';
import { maskNumbersInText } from '../../../privacy.js';
import type { SuggestionStatus } from '../contracts.js';
import type { CommentQuery, StaffComment } from '../contracts-engage.js';
import { isPublic, loadPublicSuggestion } from '../publication.js';
import { ideaComments, ideaSuggestions } from '../schema.js';
import { commentActions } from '../staff-actions.js';
import { maskName } from '../views.js';
import { campaignById } from './campaigns.js';
import { unitIndex } from './lookup.js';
import { scopeTownIds } from './screening.js';

/** The published comments of a suggestion, oldest first, names masked. */
export async function publicComments(ctx: ServiceContext, suggestionId: string) {
  await loadPublicSuggestion(ctx.db, suggestionId);
  const rows = await ctx.db
    .select()
    .from(ideaComments)
    .where(and(eq(ideaComments.suggestionId, suggestionId), eq(ideaComments.status, 'published')))
    .orderBy(ideaComments.createdAt)
    .limit(200);
  return rows.map((r) => ({
    id: r.id,
    body: maskNumbersInText(r.body),
    name: maskName(r.name),
    at: r.createdAt.toISOString(),
  }));
}

type StaffCommentView = z.infer<typeof StaffComment>;

/** The moderation queue: comments on the suggestions of the actor's towns. */
export async function commentQueue(ctx: ServiceContext, q: z.infer<typeof CommentQuery>) {
  const towns = await scopeTownIds(ctx);
  if (towns && towns.length === 0) throw forbidden();
  const where = [eq(ideaComments.status, q.status)];
  if (towns) where.push(inArray(ideaSuggestions.townId, towns));
  const base = ctx.db
    .select(commentWithSuggestion)
    .from(ideaComments)
    .innerJoin(ideaSuggestions, eq(ideaSuggestions.id, ideaComments.suggestionId));
  const [rows, [count]] = await Promise.all([
    base
      .where(and(...where))
      .orderBy(desc(ideaComments.createdAt), desc(ideaComments.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(ideaComments)
      .innerJoin(ideaSuggestions, eq(ideaSuggestions.id, ideaComments.suggestionId))
      .where(and(...where)),
  ]);
  const units = await unitIndex(ctx.db);
  const items = await Promise.all(
    rows.map(async (r) =>
      staffCommentView(ctx, r.comment, await suggestionOfComment(ctx, r, units.get(r.town)?.path ?? '')),
    ),
  );
  return { total: count?.n ?? 0, items };
}

/** The columns of a comment's suggestion that its staff view needs, for a join on the comment. */
export const commentWithSuggestion = {
  comment: ideaComments,
  title: ideaSuggestions.title,
  town: ideaSuggestions.townId,
  status: ideaSuggestions.status,
  campaignId: ideaSuggestions.campaignId,
};

/** What a moderator is told of a comment's suggestion: its title, town and whether the public sees it. */
export interface CommentSuggestion {
  title: string;
  /** The suggestion's town, whose screeners moderate its comments. */
  townPath: string;
  public: boolean;
}

export async function suggestionOfComment(
  ctx: ServiceContext,
  r: { title: string; status: SuggestionStatus; campaignId: string },
  townPath: string,
): Promise<CommentSuggestion> {
  const campaign = await campaignById(ctx.db, r.campaignId);
  return { title: r.title, townPath, public: isPublic(campaign, r.status) };
}

export function staffCommentView(
  ctx: ServiceContext,
  r: typeof ideaComments.$inferSelect,
  suggestion: CommentSuggestion,
): StaffCommentView {
  return {
    id: r.id,
    suggestionId: r.suggestionId,
    suggestionTitle: maskNumbersInText(suggestion.title),
    suggestionPublic: suggestion.public,
    body: maskNumbersInText(r.body),
    name: maskName(r.name),
    townId: r.townId,
    status: r.status,
    reason: r.reason,
    at: r.createdAt.toISOString(),
    actions: commentActions(ctx.principal, r.status, suggestion.townPath),
  };
}
