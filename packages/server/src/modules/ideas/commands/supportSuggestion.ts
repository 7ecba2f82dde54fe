import { eq, sql } from 'drizzle-orm';
import { addressKey } from '../../../auth/address-key.js';
import { checkPhoneCode, consumePhoneCode, sendPhoneCode } from '../../../auth/phone-codes.js';
import { hit } from '../../../auth/throttle.js';
import type { ServiceContext } from '../../../context.js';
import { AppError } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import { settings } from '../../../settings.js';
import { anonymousSupporter } from '../browser-id.js';
import { phoneHash } from '../phone-hash.js';
import { loadPublicSuggestion, openStatuses } from '../publication.js';
import { ideaParticipations, ideaSuggestions, ideaSupports } from '../schema.js';

/** The phone an anonymous supporter proves by a code; a signed-in one sends none. */
export type SupportPhone = { phone: string; code: string };
type Input = { id: string; browserId: string; proof?: SupportPhone };

const phoneNeeded = () =>
  new AppError('VALIDATION', 'an anonymous support needs a phone proven by a code', [
    { path: 'phone', message: 'required', code: 'phone_required' },
  ]);

const closed = (status: string) =>
  new AppError('INVALID_STATE', `the suggestion is ${status}`, [
    { path: 'id', message: `the suggestion is ${status}`, code: 'support_closed' },
  ]);

async function loadOpen(ctx: ServiceContext, id: string) {
  const { row, campaign } = await loadPublicSuggestion(ctx.db, id);
  const open = openStatuses(campaign);
  if (!open.includes(row.status)) throw closed(row.status);
  return { row, open };
}

const command = defineCommand({
  name: 'suggestion.support',
  async load(ctx, { id, browserId, proof }: Input) {
    const { row, open } = await loadOpen(ctx, id);
    const userId = ctx.principal?.userId ?? null;
    if (userId)
      return { row, open, userId, anonymous: { fingerprint: null, address: null, phoneHash: null } };
    if (!proof) throw phoneNeeded();
    await hit(ctx.db, `ideas.support:${addressKey(ctx.ip)}`, settings().QIANXING_IDEAS_SUPPORT_LIMIT, 60, {
      lazyCommit: true,
    });
    const codeHash = await checkPhoneCode(ctx, proof.phone, proof.code, 'support');
    // The browser and the address stay a first line; the phone is what makes one person.
    const anonymous = {
      ...anonymousSupporter(browserId, addressKey(ctx.ip)),
      phoneHash: await phoneHash(ctx.db, proof.phone),
    };
    return { row, open, userId, anonymous, codeHash };
  },
  async write(tx, _ctx, { row, open, userId, anonymous, codeHash }, { id, proof }) {
    if (proof && codeHash) await consumePhoneCode(tx, proof.phone, codeHash);
    // The suggestion is locked while still open, as a merge locks it: a support waits for a merge
    // and is then refused, or the merge waits and carries the support to the suggestion it keeps.
    const [held] = await tx
      .select({ status: ideaSuggestions.status })
      .from(ideaSuggestions)
      .where(eq(ideaSuggestions.id, id))
      .for('no key update');
    if (!held || !open.includes(held.status)) throw closed(held?.status ?? 'gone');
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
 * One support per person: per account when signed in; anonymously, per phone proven by a code
 * (a keyed hash of it is kept, never the number), and still once per browser id and once per
 * address, so that clearing the cookie or changing networks does not count a person again.
 * Several people behind one address support anonymously once between them; each may sign in.
 * The unique indexes decide between two supports at once: one counts.
 */
export const supportSuggestion = (ctx: ServiceContext, id: string, browserId: string, proof?: SupportPhone) =>
  command.run(ctx, { id, browserId, proof });

/** Sends the code an anonymous supporter proves their phone with (the registration's limits). */
export async function requestSupportCode(ctx: ServiceContext, id: string, phone: string) {
  await loadOpen(ctx, id);
  return sendPhoneCode(ctx, phone, 'support');
}
