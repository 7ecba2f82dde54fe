import { asc, eq } from 'drizzle-orm';
import type { ServiceContext } from '../../context.js';
import type { Tx } from '../../db/transaction.js';
import { accountsByIds } from '../users/api.js';
import { loadFirm } from './lookup.js';
import { businessFirmInvitations, businessFirmMembers } from './schema.js';

/**
 * Makes the account that accepted a firm's invitation a member of that firm, in the acceptance's
 * transaction (registered with the accounts' invitations by the module's definition). Other
 * invitations are not the firms' and pass by.
 */
export async function joinInvitedFirm(
  tx: Tx,
  accepted: { invitationId: string; userId: string },
): Promise<void> {
  const [invited] = await tx
    .select({ firmId: businessFirmInvitations.firmId })
    .from(businessFirmInvitations)
    .where(eq(businessFirmInvitations.invitationId, accepted.invitationId));
  if (invited)
    await tx.insert(businessFirmMembers).values({ userId: accepted.userId, firmId: invited.firmId });
}

/** The accounts of a firm's staff, for the office over its town. */
export async function listFirmMembers(ctx: ServiceContext, firmId: string) {
  await loadFirm(ctx, firmId, 'firm.manageStaff');
  const rows = await ctx.db
    .select()
    .from(businessFirmMembers)
    .where(eq(businessFirmMembers.firmId, firmId))
    .orderBy(asc(businessFirmMembers.createdAt));
  const accounts = await accountsByIds(
    ctx.db,
    rows.map((r) => r.userId),
  );
  return rows.flatMap((r) => {
    const a = accounts.get(r.userId);
    return a
      ? [
          {
            userId: a.id,
            // Masked where it is the account's phone, as on the accounts' page.
            login: a.listedLogin,
            displayName: a.displayName,
            disabled: a.disabled,
            since: r.createdAt.toISOString(),
          },
        ]
      : [];
  });
}

/** The accounts of a firm's staff, read in the caller's transaction. */
export async function firmMemberIds(tx: Tx, firmId: string): Promise<string[]> {
  const rows = await tx
    .select({ userId: businessFirmMembers.userId })
    .from(businessFirmMembers)
    .where(eq(businessFirmMembers.firmId, firmId));
  return rows.map((r) => r.userId);
}
