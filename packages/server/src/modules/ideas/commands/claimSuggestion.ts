import { and, eq, isNull } from 'drizzle-orm';
import { checkPhoneCode, consumePhoneCode, sendPhoneCode } from '../../../auth/phone-codes.js';
import { hit, undo } from '../../../auth/throttle.js';
import type { ServiceContext } from '../../../context.js';
import { AppError } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import { deliver } from '../../../kernel/notifications.js';
import { maskNumbersInText } from '../../../privacy.js';
import { citizenOf } from '../queries/mine.js';
import { ideaSuggestions } from '../schema.js';
import { normaliseTrackingCode } from '../text/tokens.js';

/** Attempts per account per hour, codes asked and codes tried together: a tracking code is not guessed. */
const CLAIM_LIMIT = 10;

type Claim = { trackingCode: string; phone: string };

const mismatch = () =>
  new AppError('VALIDATION', 'no suggestion without an account has this tracking code and phone', [
    { path: 'trackingCode', message: 'no match', code: 'claim_mismatch' },
  ]);

/**
 * The suggestion a signed-in citizen or firm may attach: sent without an account, with this
 * tracking code and this phone. A wrong code and a wrong phone are one answer, so neither tells
 * the other; one already attached is a conflict (the caller knew both).
 */
async function claimable(ctx: ServiceContext, { trackingCode, phone }: Claim) {
  const userId = citizenOf(ctx, 'suggestion.claim');
  await hit(ctx.db, `ideas.claim:${userId}`, CLAIM_LIMIT, 3600);
  const [row] = await ctx.db
    .select()
    .from(ideaSuggestions)
    .where(eq(ideaSuggestions.trackingCode, normaliseTrackingCode(trackingCode)));
  if (!row || row.phone !== phone) throw mismatch();
  if (row.authorUserId)
    throw new AppError('CONFLICT', 'the suggestion already belongs to an account', [
      { path: 'trackingCode', message: 'already attached', code: 'already_claimed' },
    ]);
  return { userId, row };
}

/** Sends a code to the phone the suggestion was sent with, once the tracking code and phone match. */
export async function requestClaimCode(ctx: ServiceContext, input: Claim) {
  const { userId } = await claimable(ctx, input);
  try {
    return await sendPhoneCode(ctx, input.phone, 'claim');
  } catch (error) {
    // Asking again within the phone's minute guessed nothing: it is not one of the account's attempts.
    if (error instanceof AppError && error.code === 'RATE_LIMITED')
      await undo(ctx.db, `ideas.claim:${userId}`);
    throw error;
  }
}

const command = defineCommand({
  name: 'suggestion.claim',
  async load(ctx, input: Claim & { code: string }) {
    const { userId, row } = await claimable(ctx, input);
    const codeHash = await checkPhoneCode(ctx, input.phone, input.code, 'claim');
    return { userId, row, codeHash };
  },
  async write(tx, _ctx, { userId, row, codeHash }, { phone }) {
    await consumePhoneCode(tx, phone, codeHash);
    // Conditional on no account yet: of two accounts racing for one suggestion, one wins.
    const claimed = await tx
      .update(ideaSuggestions)
      .set({ authorUserId: userId, updatedAt: new Date() })
      .where(and(eq(ideaSuggestions.id, row.id), isNull(ideaSuggestions.authorUserId)))
      .returning({ id: ideaSuggestions.id });
    if (claimed.length === 0)
      throw new AppError('CONFLICT', 'the suggestion already belongs to an account', [
        { path: 'trackingCode', message: 'already attached', code: 'already_claimed' },
      ]);
    const title = maskNumbersInText(row.title);
    await deliver(tx, [{ userId, key: 'ideas.notice.claimed', params: { suggestionId: row.id, title } }]);
    return {
      result: { id: row.id, title },
      audit: {
        entityType: 'suggestion',
        entityId: row.id,
        before: { account: null },
        after: { account: userId },
      },
    };
  },
});

/**
 * Attaches a suggestion sent without an account to the signed-in person, who proves the phone it
 * was sent with by the code sent to it; the code is used up in the same transaction.
 */
export const claimSuggestion = (ctx: ServiceContext, input: Claim & { code: string }) =>
  command.run(ctx, input);
