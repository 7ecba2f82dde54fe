import { eq, sql } from 'drizzle-orm';
import { audit } from '../../audit/audit.js';
import { hit } from '../../auth/throttle.js';
import { actor, type ServiceContext } from '../../context.js';
import { transaction } from '../../db/transaction.js';
import { AppError } from '../../errors.js';
import { anonymousFingerprint } from './browser-id.js';
import { loadSuggestion } from './lookup.js';
import { ideaParticipations, ideaSuggestions, ideaSupports } from './schema.js';

const SUPPORT_LIMIT = Number(process.env.QIANXING_IDEAS_SUPPORT_LIMIT ?? 60);

/**
 * One support per person: per account when signed in, else per browser id and address
 * together (the cookie alone is easy to clear, the address alone is shared by a whole office).
 */
export async function supportSuggestion(ctx: ServiceContext, id: string, browserId: string) {
  const row = await loadSuggestion(ctx.db, id);
  if (!['submitted', 'accepted', 'adopted'].includes(row.status))
    throw new AppError('INVALID_STATE', `the suggestion is ${row.status}`);
  const userId = ctx.principal?.userId ?? null;
  if (!userId)
    await hit(ctx.db, `ideas.support:${ctx.ip ?? 'unknown'}`, SUPPORT_LIMIT, 60, { lazyCommit: true });
  const fingerprint = userId ? null : anonymousFingerprint(browserId, ctx.ip);
  return transaction(ctx.db, async (tx) => {
    const inserted = await tx
      .insert(ideaSupports)
      .values({ suggestionId: id, userId, fingerprint })
      .onConflictDoNothing()
      .returning({ id: ideaSupports.id });
    if (inserted.length === 0) return { supports: row.supports, counted: false };
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
    await audit(tx, actor(ctx), {
      action: 'suggestion.support',
      entityType: 'suggestion',
      entityId: id,
      after: { supports: updated!.supports },
    });
    return { supports: updated!.supports, counted: true };
  });
}
