import { defineCommand } from '../../../kernel/command.js';
import { issueInvitation } from '../../users/api.js';
import { loadFirm } from '../lookup.js';
import { businessFirmInvitations } from '../schema.js';

/**
 * Invites a member of a firm's staff: the accounts' one-time invitation link, granting the
 * enterprise role over the firm's town; whoever accepts it becomes a member of the firm and sees
 * that firm only. The office over the firm's town sends it.
 */
export const inviteFirmStaff = defineCommand({
  name: 'firmMember.invite',
  load: (ctx, input: { firmId: string; displayName: string; days: number }) =>
    loadFirm(ctx, input.firmId, 'firm.manageStaff'),
  async write(tx, ctx, { row }, input) {
    const invitation = await issueInvitation(tx, ctx, {
      displayName: input.displayName,
      roles: [{ role: 'enterprise', unitId: row.townId }],
      days: input.days,
    });
    await tx.insert(businessFirmInvitations).values({ invitationId: invitation.id, firmId: row.id });
    return {
      result: { token: invitation.token, expiresAt: invitation.expiresAt },
      audit: {
        entityType: 'firm',
        entityId: row.id,
        after: { invitationId: invitation.id, displayName: input.displayName },
      },
    };
  },
});
