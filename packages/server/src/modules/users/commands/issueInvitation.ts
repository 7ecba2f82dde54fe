import { audit } from '../../../audit/audit.js';
import { newToken, sha256 } from '../../../auth/tokens.js';
import { actor, type ServiceContext } from '../../../context.js';
import type { Tx } from '../../../db/transaction.js';
import type { RoleGrant } from '../contracts.js';
import { invitations } from '../schema.js';

export type InvitationInput = { displayName: string; roles: RoleGrant[]; days: number };

/** The invitation row; the table keeps only the token's hash. */
export async function insertInvitation(
  tx: Tx,
  ctx: ServiceContext,
  input: InvitationInput,
  token: string,
  expiresAt: Date,
): Promise<string> {
  const [row] = await tx
    .insert(invitations)
    .values({
      tokenHash: sha256(token),
      displayName: input.displayName,
      grants: JSON.stringify(input.roles),
      createdBy: ctx.principal!.userId,
      expiresAt,
    })
    .returning({ id: invitations.id });
  return row!.id;
}

/**
 * Writes an invitation and its audit event in the caller's transaction, without authorising: the
 * caller has (a module inviting to something of its own, such as a firm's staff). The token is
 * returned once.
 */
export async function issueInvitation(
  tx: Tx,
  ctx: ServiceContext,
  input: InvitationInput,
): Promise<{ id: string; token: string; expiresAt: string }> {
  const token = newToken();
  const expiresAt = new Date(Date.now() + input.days * 86_400_000);
  const id = await insertInvitation(tx, ctx, input, token, expiresAt);
  await audit(tx, actor(ctx), {
    action: 'invitation.create',
    entityType: 'invitation',
    entityId: id,
    after: { displayName: input.displayName, roles: input.roles, expiresAt },
  });
  return { id, token, expiresAt: expiresAt.toISOString() };
}

/** What another module does when an invitation it issued is accepted, in the acceptance's transaction. */
export type InvitationAccepted = (
  tx: Tx,
  accepted: { invitationId: string; userId: string },
) => Promise<void>;
const whenAccepted: InvitationAccepted[] = [];

/**
 * Registers work to do as any invitation is accepted (a firm makes the new account its member).
 * Each module registers once, from its definition; the work sees every acceptance and picks its own.
 */
export function whenInvitationAccepted(work: InvitationAccepted): void {
  if (!whenAccepted.includes(work)) whenAccepted.push(work);
}

export async function runAcceptanceHooks(tx: Tx, accepted: { invitationId: string; userId: string }) {
  for (const work of whenAccepted) await work(tx, accepted);
}
