import { and, eq, isNull } from 'drizzle-orm';
import { audit } from '../../../audit/audit.js';
import type { ServiceContext } from '../../../context.js';
import { AppError } from '../../../errors.js';
import { grantsIn, openInvitation } from '../queries/invitations.js';
import { invitations } from '../schema.js';
import { insertUser } from './createUser.js';
import { assertIssuerStillGrants } from './invitation-issuer.js';
import { runAcceptanceHooks } from './issueInvitation.js';
import { assertLoginIsNoOtherPhone } from './user-common.js';

/**
 * Sets up the invited person's account and consumes the invitation, in one transaction. Not a
 * kernel command: its audit event is the new account's own, written after the account's creation.
 */
export async function acceptInvitation(
  ctx: ServiceContext,
  token: string,
  input: { login: string; password: string },
) {
  // An invitation has no phone: a mobile number as its login would be another's (user-common.ts).
  assertLoginIsNoOtherPhone(input);
  const row = await openInvitation(ctx, token);
  const roles = grantsIn(row);
  const { user } = await insertUser(
    { ...ctx, principal: null },
    { login: input.login, displayName: row.displayName, password: input.password, roles },
    {
      mustChangePassword: false,
      within: async (tx, userId) => {
        // The guard makes a second, concurrent acceptance, or one a revocation beat, roll back whole.
        const done = await tx
          .update(invitations)
          .set({ acceptedAt: new Date(), acceptedBy: userId })
          .where(
            and(eq(invitations.id, row.id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)),
          )
          .returning({ id: invitations.id });
        if (done.length === 0)
          throw new AppError('CONFLICT', 'the invitation was used or revoked', [
            { path: 'invitation', message: 'used or revoked meanwhile', code: 'invitation_closed_meanwhile' },
          ]);
        await assertIssuerStillGrants(tx, row.createdBy, roles);
        await audit(
          tx,
          { userId, label: input.login, requestId: ctx.requestId },
          {
            action: 'invitation.accept',
            entityType: 'invitation',
            entityId: row.id,
            after: { userId },
          },
        );
        await runAcceptanceHooks(tx, { invitationId: row.id, userId });
      },
    },
  );
  return user;
}
