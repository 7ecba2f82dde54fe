import { eq } from 'drizzle-orm';
import { addressKey } from '../../../auth/address-key.js';
import { hit } from '../../../auth/throttle.js';
import type { ServiceContext } from '../../../context.js';
import { notFound } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import { settings } from '../../../settings.js';
import type { CommentInput } from '../contracts-engage.js';
import { loadPublicSuggestion, openStatuses } from '../publication.js';
import { requireTown } from '../queries/lookup.js';
import { ideaComments, ideaParticipations, ideaSuggestions } from '../schema.js';

/**
 * Every comment counts at once as a participation, and waits in the screeners' queue: a scripted
 * flood would swell both. An anonymous writer is counted by address; a signed-in one by account
 * (an office behind one address signs in many people), by the minute and by the day.
 */
async function limitComments(ctx: ServiceContext) {
  if (!ctx.principal) {
    await hit(ctx.db, `ideas.comment:${addressKey(ctx.ip)}`, settings().QIANXING_IDEAS_COMMENT_LIMIT, 60, {
      lazyCommit: true,
    });
    return;
  }
  const account = `ideas.comment:account:${ctx.principal.userId}`;
  await hit(ctx.db, account, settings().QIANXING_IDEAS_COMMENT_LIMIT, 60, { lazyCommit: true });
  await hit(ctx.db, `${account}:day`, settings().QIANXING_IDEAS_COMMENT_DAILY_LIMIT, 86_400, {
    lazyCommit: true,
  });
}

type Input = { suggestionId: string; input: CommentInput };

const command = defineCommand({
  name: 'comment.submit',
  async load(ctx, { suggestionId, input }: Input) {
    const { row: suggestion, campaign } = await loadPublicSuggestion(ctx.db, suggestionId);
    const open = openStatuses(campaign);
    if (!open.includes(suggestion.status)) throw notFound('suggestion');
    const townId = input.townId ?? suggestion.townId;
    if (input.townId) await requireTown(ctx.db, input.townId);
    await limitComments(ctx);
    return { suggestion, open, townId };
  },
  async write(tx, ctx, { suggestion, open, townId }, { suggestionId, input }) {
    // Locked and checked again, as a support is: a comment waits for a merge or a rejection and
    // is then refused, instead of landing on a closed suggestion with a participation the merge
    // did not carry over.
    const [held] = await tx
      .select({ status: ideaSuggestions.status })
      .from(ideaSuggestions)
      .where(eq(ideaSuggestions.id, suggestionId))
      .for('no key update');
    if (!held || !open.includes(held.status)) throw notFound('suggestion');
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
    return {
      result: { id: row!.id, status: row!.status },
      audit: {
        entityType: 'comment',
        entityId: row!.id,
        after: { suggestionId, hasName: input.name !== undefined, length: input.body.length },
      },
    };
  },
});

/**
 * A comment on a public suggestion: one participation at once, shown once a screener publishes
 * it. Rate-limited per address, or per account when signed in.
 */
export const addComment = (ctx: ServiceContext, suggestionId: string, input: CommentInput) =>
  command.run(ctx, { suggestionId, input });
