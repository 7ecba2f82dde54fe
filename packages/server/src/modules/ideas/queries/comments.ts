import type { z } from '@hono/zod-openapi';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { audit } from '../../../audit/audit.js';
import { hit } from '../../../auth/throttle.js';
import { actor, type ServiceContext } from '../../../context.js';
import { transaction } from '../../../db/transaction.js';
import { AppError, forbidden, notFound } from '../../../errors.js';
import { maskNumbersInText } from '../../../privacy.js';
import type { CommentInput, CommentQuery, ModerateInput, StaffComment } from '../contracts-engage.js';
import { canIdea, mayEver } from '../policy.js';
import { loadPublicSuggestion, openStatuses } from '../publication.js';
import { ideaComments, ideaParticipations, ideaSuggestions } from '../schema.js';
import { commentActions } from '../staff-actions.js';
import { maskName } from '../views.js';
import { requireTown, unitIndex } from './lookup.js';
import { scopeTownIds } from './screening.js';

const COMMENT_LIMIT = Number(process.env.QIANXING_IDEAS_COMMENT_LIMIT ?? 20);

/**
 * A comment on a public suggestion: one participation at once, shown once a screener publishes
 * it. Anonymous comments are rate-limited per address.
 */
export async function addComment(ctx: ServiceContext, suggestionId: string, input: CommentInput) {
  const { row: suggestion, campaign } = await loadPublicSuggestion(ctx.db, suggestionId);
  if (!openStatuses(campaign).includes(suggestion.status)) throw notFound('suggestion');
  const townId = input.townId ?? suggestion.townId;
  if (input.townId) await requireTown(ctx.db, input.townId);
  if (!ctx.principal)
    await hit(ctx.db, `ideas.comment:${ctx.ip ?? 'unknown'}`, COMMENT_LIMIT, 60, { lazyCommit: true });
  return transaction(ctx.db, async (tx) => {
    const [row] = await tx
      .insert(ideaComments)
      .values({
        campaignId: suggestion.campaignId,
        suggestionId,
        body: input.body,
        name: input.name ?? null,
        townId,
        userId: ctx.principal?.userId ?? null,
      })
      .returning({ id: ideaComments.id, status: ideaComments.status });
    await tx.insert(ideaParticipations).values({
      campaignId: suggestion.campaignId,
      kind: 'comment',
      channel: 'online',
      townId,
      suggestionId,
    });
    await audit(tx, actor(ctx), {
      action: 'comment.submit',
      entityType: 'comment',
      entityId: row!.id,
      after: { suggestionId, hasName: input.name !== undefined, length: input.body.length },
    });
    return { id: row!.id, status: row!.status };
  });
}

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
    name: r.name ? maskName(r.name) : null,
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
    .select({ comment: ideaComments, title: ideaSuggestions.title, town: ideaSuggestions.townId })
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
  return {
    total: count?.n ?? 0,
    items: rows.map((r) => staffCommentView(ctx, r.comment, r.title, units.get(r.town)?.path ?? '')),
  };
}

/** `townPath` is the suggestion's town, whose screeners moderate its comments. */
function staffCommentView(
  ctx: ServiceContext,
  r: typeof ideaComments.$inferSelect,
  title: string,
  townPath: string,
): StaffCommentView {
  return {
    id: r.id,
    suggestionId: r.suggestionId,
    suggestionTitle: maskNumbersInText(title),
    body: maskNumbersInText(r.body),
    name: r.name ? maskName(r.name) : null,
    townId: r.townId,
    status: r.status,
    reason: r.reason,
    at: r.createdAt.toISOString(),
    actions: commentActions(ctx.principal, r.status, townPath),
  };
}

/** Publishes or hides a comment (hiding needs a reason); audited. */
export async function moderateComment(ctx: ServiceContext, id: string, input: z.infer<typeof ModerateInput>) {
  if (!mayEver(ctx.principal, 'suggestion.screen')) throw forbidden();
  const [found] = await ctx.db
    .select({ comment: ideaComments, title: ideaSuggestions.title, town: ideaSuggestions.townId })
    .from(ideaComments)
    .innerJoin(ideaSuggestions, eq(ideaSuggestions.id, ideaComments.suggestionId))
    .where(eq(ideaComments.id, id));
  const path = found ? (await unitIndex(ctx.db)).get(found.town)?.path : undefined;
  if (!found || !path || !canIdea(ctx.principal, 'suggestion.staffRead', path)) throw notFound('comment');
  if (!canIdea(ctx.principal, 'suggestion.screen', path)) throw forbidden();
  if (input.decision === 'hide' && !input.reason)
    throw new AppError('VALIDATION', 'a hidden comment needs a reason', [
      { path: 'reason', message: 'required to hide', code: 'required' },
    ]);
  const status = input.decision === 'publish' ? 'published' : 'hidden';
  return transaction(ctx.db, async (tx) => {
    const [row] = await tx
      .update(ideaComments)
      .set({
        status,
        reason: input.decision === 'hide' ? input.reason! : null,
        moderatedBy: ctx.principal?.userId ?? null,
        moderatedAt: new Date(),
      })
      .where(eq(ideaComments.id, id))
      .returning();
    await audit(tx, actor(ctx), {
      action: `comment.${input.decision}`,
      entityType: 'comment',
      entityId: id,
      before: { status: found.comment.status },
      after: { status, reason: row!.reason },
    });
    return staffCommentView(ctx, row!, found.title, path);
  });
}
