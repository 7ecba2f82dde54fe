import { eq, sql } from 'drizzle-orm';
import { hit } from '../../../auth/throttle.js';
import type { ServiceContext } from '../../../context.js';
import { AppError } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import { anonymousSupporter } from '../browser-id.js';
import { loadPublicSuggestion, openStatuses } from '../publication.js';
import { ideaParticipations, ideaSuggestions, ideaSupports } from '../schema.js';

const SUPPORT_LIMIT = Number(process.env.QIANXING_IDEAS_SUPPORT_LIMIT ?? 60);

type Input = { id: string; browserId: string };

const command = defineCommand({
  name: 'suggestion.support',
  async load(ctx, { id, browserId }: Input) {
    const { row, campaign } = await loadPublicSuggestion(ctx.db, id);
    if (!openStatuses(campaign).includes(row.status))
      throw new AppError('INVALID_STATE', `the suggestion is ${row.status}`);
    const userId = ctx.principal?.userId ?? null;
    if (!userId)
      await hit(ctx.db, `ideas.support:${ctx.ip ?? 'unknown'}`, SUPPORT_LIMIT, 60, { lazyCommit: true });
    const anonymous = userId ? { fingerprint: null, address: null } : anonymousSupporter(browserId, ctx.ip);
    return { row, userId, anonymous };
  },
  async write(tx, _ctx, { row, userId, anonymous }, { id }) {
    const inserted = await tx
      .insert(ideaSupports)
      .values({ suggestionId: id, userId, ...anonymous })
      .onConflictDoNothing()
      .returning({ id: ideaSupports.id });
    // A second support from the same person is not counted, and not an event.
    if (inserted.length === 0) return { result: { supports: row.supports, counted: false }, audit: [] };
    const [updated] = await tx
      .update(ideaSuggestions)
      .set({ supports: sql`${ideaSuggestions.supports} + 1` })
      .where(eq(ideaSuggestions.id, id))
      .returning({ supports: ideaSuggestions.supports });
    await tx.insert(ideaParticipations).values({
      campaignId: row.campaignId,
      kind: 'support',
      channel: 'online',
      townId: row.townId,
      suggestionId: id,
    });
    return {
      result: { supports: updated!.supports, counted: true },
      audit: { entityType: 'suggestion', entityId: id, after: { supports: updated!.supports } },
    };
  },
});

/**
 * One support per person: per account when signed in; anonymously, once per browser id and once
 * per address, so that clearing the cookie or changing networks does not count a person again.
 * Several people behind one address support anonymously once between them; each may sign in.
 */
export const supportSuggestion = (ctx: ServiceContext, id: string, browserId: string) =>
  command.run(ctx, { id, browserId });
