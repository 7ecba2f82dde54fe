import { and, eq, gt, isNull } from 'drizzle-orm';
import { sha256 } from '../../../auth/tokens.js';
import type { ServiceContext } from '../../../context.js';
import { AppError } from '../../../errors.js';
import { invitations } from '../schema.js';

/** The invitation of a token while it may still be accepted. */
export async function openInvitation(ctx: ServiceContext, token: string) {
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
