import { and, eq, gt, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { audit } from '../../audit/audit.js';
import { newToken, sha256 } from '../../auth/tokens.js';
import { actor, type ServiceContext } from '../../context.js';
import { type Tx, transaction } from '../../db/transaction.js';
import { AppError, forbidden } from '../../errors.js';
import { unitsByIds } from '../units/api.js';
import { RoleGrant } from './contracts.js';
import { canUser } from './policy.js';
import { invitations } from './schema.js';
import { insertUser } from './service.js';

/** Creates a one-time link by which a person sets up their own account with the given roles. */
export async function createInvitation(
  ctx: ServiceContext,
  input: { displayName: string; roles: RoleGrant[]; days: number },
): Promise<{ token: string; expiresAt: string }> {
  const ids = input.roles.map((r) => r.unitId);
  const rows = [...(await unitsByIds(ctx.db, ids)).values()];
  if (rows.length !== new Set(ids).size)
    throw new AppError('VALIDATION', 'unknown unit', [
      { path: 'roles', message: 'unknown unit', code: 'unknown_unit' },
    ]);
  if (
    !canUser(
      ctx.principal,
      'invitation.create',
      rows.map((r) => r.path),
    )
  )
    throw forbidden();
  const { token, expiresAt } = await transaction(ctx.db, (tx) => issueInvitation(tx, ctx, input));
  return { token, expiresAt };
}

/**
 * Writes an invitation and its audit event in the caller's transaction, without authorising: the
 * caller has (the office above, or a module inviting to something of its own, such as a firm's
 * staff). The token is returned once; the table keeps only its hash.
 */
export async function issueInvitation(
  tx: Tx,
  ctx: ServiceContext,
  input: { displayName: string; roles: RoleGrant[]; days: number },
): Promise<{ id: string; token: string; expiresAt: string }> {
  const token = newToken();
  const expiresAt = new Date(Date.now() + input.days * 86_400_000);
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
  await audit(tx, actor(ctx), {
    action: 'invitation.create',
    entityType: 'invitation',
    entityId: row!.id,
    after: { displayName: input.displayName, roles: input.roles, expiresAt },
  });
  return { id: row!.id, token, expiresAt: expiresAt.toISOString() };
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

async function openInvitation(ctx: ServiceContext, token: string) {
  const [row] = await ctx.db
    .select()
    .from(invitations)
    .where(
      and(
        eq(invitations.tokenHash, sha256(token)),
        isNull(invitations.acceptedAt),
        gt(invitations.expiresAt, new Date()),
      ),
    );
  if (!row) throw new AppError('NOT_FOUND', 'the invitation does not exist, was used, or has expired');
  return row;
}

export async function describeInvitation(ctx: ServiceContext, token: string) {
  const row = await openInvitation(ctx, token);
  return { displayName: row.displayName, expiresAt: row.expiresAt.toISOString() };
}

export async function acceptInvitation(
  ctx: ServiceContext,
  token: string,
  input: { login: string; password: string },
) {
  const row = await openInvitation(ctx, token);
  const roles = z.array(RoleGrant).parse(JSON.parse(row.grants));
  const { user } = await insertUser(
    { ...ctx, principal: null },
    { login: input.login, displayName: row.displayName, password: input.password, roles },
    {
      mustChangePassword: false,
      within: async (tx, userId) => {
        // The guard on accepted_at makes a second, concurrent acceptance roll back whole.
        const done = await tx
          .update(invitations)
          .set({ acceptedAt: new Date(), acceptedBy: userId })
          .where(and(eq(invitations.id, row.id), isNull(invitations.acceptedAt)))
          .returning({ id: invitations.id });
        if (done.length === 0) throw new AppError('CONFLICT', 'the invitation was used already');
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
        for (const work of whenAccepted) await work(tx, { invitationId: row.id, userId });
      },
    },
  );
  return user;
}
