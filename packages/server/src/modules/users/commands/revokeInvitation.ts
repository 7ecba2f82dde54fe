import { and, eq, isNull } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { AppError } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import type { InvitationState } from '../contracts.js';
import { authoriseOnInvitation, stateOf } from '../queries/invitations.js';
import { invitations } from '../schema.js';

/** Why an invitation can no longer be revoked, with the field code the page words. */
const reasons = {
  accepted: { path: 'invitation', message: 'the invitation was accepted', code: 'invitation_accepted' },
  expired: { path: 'invitation', message: 'the invitation has expired', code: 'invitation_expired' },
  revoked: { path: 'invitation', message: 'the invitation was revoked', code: 'invitation_revoked' },
};
const closed = (state: Exclude<InvitationState, 'open'>) =>
  new AppError('CONFLICT', reasons[state].message, [reasons[state]]);

/**
 * Withdraws an invitation nobody has accepted: its link opens nothing from then on. An
 * invitation sent to the wrong person, or leaked, would otherwise grant its roles for up to 30
 * days, even after its issuer lost the right to grant them.
 */
const command = defineCommand({
  name: 'invitation.revoke',
  async load(ctx, id: string) {
    const row = await authoriseOnInvitation(ctx, id);
    const state = stateOf(row, new Date());
    if (state !== 'open') throw closed(state);
    return row;
  },
  async write(tx, ctx, row) {
    const revokedAt = new Date();
    // Conditional on its still being unused: an acceptance committed meanwhile keeps the account.
    const [done] = await tx
      .update(invitations)
      .set({ revokedAt, revokedBy: ctx.principal!.userId })
      .where(and(eq(invitations.id, row.id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
      .returning({ id: invitations.id });
    if (!done) {
      const [now] = await tx.select().from(invitations).where(eq(invitations.id, row.id));
      throw closed(now?.acceptedAt ? 'accepted' : 'revoked');
    }
    return {
      result: undefined,
      audit: {
        entityType: 'invitation',
        entityId: row.id,
        before: { expiresAt: row.expiresAt },
        after: { revokedAt },
      },
    };
  },
});

export const revokeInvitation = (ctx: ServiceContext, id: string): Promise<void> => command.run(ctx, id);
