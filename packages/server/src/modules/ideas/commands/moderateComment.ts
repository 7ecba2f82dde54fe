import type { z } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { AppError, forbidden, notFound } from '../../../errors.js';
import { defineCommand, type Tx } from '../../../kernel/command.js';
import { maskNumbersInText } from '../../../privacy.js';
import type { ModerateInput } from '../contracts-engage.js';
import { canIdea, mayEver } from '../policy.js';
import { commentWithSuggestion, staffCommentView, suggestionOfComment } from '../queries/comments.js';
import { unitIndex } from '../queries/lookup.js';
import { ideaComments, ideaSuggestions } from '../schema.js';

type Input = { id: string; input: z.infer<typeof ModerateInput> };

const spec = {
  async load(ctx: ServiceContext, { id, input }: Input) {
    if (!mayEver(ctx.principal, 'suggestion.screen')) throw forbidden();
    const [found] = await ctx.db
      .select(commentWithSuggestion)
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
    return { found, path };
  },
};

/** Publishing and hiding are two commands (two audit actions) with the same checks. */
const commands = {
  publish: defineCommand({ name: 'comment.publish', load: spec.load, write }),
  hide: defineCommand({ name: 'comment.hide', load: spec.load, write }),
};

async function write(
  tx: Tx,
  ctx: ServiceContext,
  { found, path }: Awaited<ReturnType<typeof spec.load>>,
  { id, input }: Input,
) {
  const status = input.decision === 'publish' ? 'published' : 'hidden';
  // Conditional on the status the moderator decided on: another's decision since (a hide, say)
  // is not undone unseen; the moderator reloads and decides again.
  const [row] = await tx
    .update(ideaComments)
    .set({
      status,
      // Kept masked, as a list withdrawal's reason is: the audit carries it and every moderator reads it.
      reason: input.decision === 'hide' ? maskNumbersInText(input.reason!) : null,
      moderatedBy: ctx.principal?.userId ?? null,
      moderatedAt: new Date(),
    })
    .where(and(eq(ideaComments.id, id), eq(ideaComments.status, found.comment.status)))
    .returning();
  if (!row)
    throw new AppError('CONFLICT', 'another moderator decided the comment meanwhile', [
      { path: 'status', message: 'moderated meanwhile', code: 'comment_moderated' },
    ]);
  return {
    result: staffCommentView(ctx, row, await suggestionOfComment(ctx, found, path)),
    audit: {
      entityType: 'comment',
      entityId: id,
      before: { status: found.comment.status },
      after: { status, reason: row.reason },
    },
  };
}

/** Publishes or hides a comment (hiding needs a reason); audited. */
export const moderateComment = (ctx: ServiceContext, id: string, input: z.infer<typeof ModerateInput>) =>
  commands[input.decision].run(ctx, { id, input });
