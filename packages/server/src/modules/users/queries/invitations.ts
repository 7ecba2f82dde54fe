import { and, desc, eq, gt, inArray, isNotNull, isNull, lte, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { sha256 } from '../../../auth/tokens.js';
import type { ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import { AppError, forbidden } from '../../../errors.js';
import { maskPersonName } from '../../../privacy.js';
import { unitsByIds } from '../../units/api.js';
import { assertIssuerGrantsNow } from '../commands/invitation-issuer.js';
import { type InvitationState, type InvitationView, RoleGrant } from '../contracts.js';
import { canUser } from '../policy.js';
import { invitations, users } from '../schema.js';

type InvitationRow = typeof invitations.$inferSelect;

/** The invitation of a token while it may still be accepted. */
export async function openInvitation(ctx: ServiceContext, token: string) {
  const [row] = await ctx.db
    .select()
    .from(invitations)
    .where(and(eq(invitations.tokenHash, sha256(token)), stateIs('open', new Date())));
  if (!row) throw new AppError('NOT_FOUND', 'the invitation does not exist, was used, or has expired');
  return row;
}

/** What the invitation's page shows, refused as its acceptance would be once its issuer lost the authority. */
export async function describeInvitation(ctx: ServiceContext, token: string) {
  const row = await openInvitation(ctx, token);
  await assertIssuerGrantsNow(ctx.db, row.createdBy, grantsIn(row));
  return { displayName: row.displayName, expiresAt: row.expiresAt.toISOString() };
}

/** The rows in a state at `now`: revoked and accepted are final, expired is open past its day. */
export function stateIs(state: InvitationState, now: Date): SQL {
  const unused = and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt))!;
  switch (state) {
    case 'open':
      return and(unused, gt(invitations.expiresAt, now))!;
    case 'expired':
      return and(unused, lte(invitations.expiresAt, now))!;
    case 'accepted':
      return isNotNull(invitations.acceptedAt);
    case 'revoked':
      return isNotNull(invitations.revokedAt);
  }
}

export function stateOf(row: InvitationRow, now: Date): InvitationState {
  if (row.revokedAt) return 'revoked';
  if (row.acceptedAt) return 'accepted';
  return row.expiresAt > now ? 'open' : 'expired';
}

export const grantsIn = (row: Pick<InvitationRow, 'grants'>) =>
  z.array(RoleGrant).parse(JSON.parse(row.grants));

/** Each invitation's grants with their units' names and paths. */
async function grantsWithUnits(db: Db, rows: InvitationRow[]) {
  const grants = new Map(rows.map((r) => [r.id, grantsIn(r)]));
  const units = await unitsByIds(
    db,
    [...grants.values()].flatMap((g) => g.map((r) => r.unitId)),
  );
  return new Map(
    [...grants].map(([id, list]) => [
      id,
      list.map((g) => ({
        ...g,
        unitName: units.get(g.unitId)?.name ?? '',
        unitPath: units.get(g.unitId)?.path,
      })),
    ]),
  );
}

/**
 * Whether this admin could have issued an invitation of these grants: an admin over every unit
 * they grant a role on (one granting a role on a unit since deleted is no one's).
 */
function issuable(ctx: ServiceContext, grants: Array<{ unitPath: string | undefined }> = []): boolean {
  const paths = grants.map((g) => g.unitPath);
  return (
    paths.every((p) => p !== undefined) && canUser(ctx.principal, 'invitation.revoke', paths as string[])
  );
}

export interface ListInvitationsQuery {
  state: InvitationState;
  page: number;
  pageSize: number;
}

/**
 * The invitations in a state that this admin could have issued (an admin over every unit they
 * grant a role on), newest first. Scope is decided on the grants, which the table keeps as the
 * JSON they were issued with, so it is checked here row by row: a district issues invitations by
 * the hundred, not by the million.
 */
export async function listInvitations(
  ctx: ServiceContext,
  query: ListInvitationsQuery,
): Promise<{ total: number; items: InvitationView[] }> {
  if (!canUser(ctx.principal, 'invitation.list')) throw forbidden();
  const now = new Date();
  const rows = await ctx.db
    .select()
    .from(invitations)
    .where(stateIs(query.state, now))
    .orderBy(desc(invitations.createdAt), desc(invitations.id));
  const grants = await grantsWithUnits(ctx.db, rows);
  const visible = rows.filter((r) => issuable(ctx, grants.get(r.id)));
  const page = visible.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
  const inviters = await namesOf(
    ctx.db,
    page.map((r) => r.createdBy),
  );
  return {
    total: visible.length,
    items: page.map((r) => ({
      id: r.id,
      displayName: maskPersonName(r.displayName) ?? '',
      roles: (grants.get(r.id) ?? []).map(({ role, unitId, unitName }) => ({ role, unitId, unitName })),
      invitedBy: maskPersonName(inviters.get(r.createdBy)) ?? '',
      state: stateOf(r, now),
      createdAt: r.createdAt.toISOString(),
      expiresAt: r.expiresAt.toISOString(),
      closedAt: (r.revokedAt ?? r.acceptedAt)?.toISOString() ?? null,
    })),
  };
}

async function namesOf(db: Db, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** An invitation this admin could have issued, for an action on it; out of scope reads as absent. */
export async function authoriseOnInvitation(ctx: ServiceContext, id: string) {
  if (!canUser(ctx.principal, 'invitation.list')) throw forbidden();
  const [row] = await ctx.db.select().from(invitations).where(eq(invitations.id, id));
  if (!row) throw new AppError('NOT_FOUND', 'invitation not found');
  if (!issuable(ctx, (await grantsWithUnits(ctx.db, [row])).get(row.id)))
    throw new AppError('NOT_FOUND', 'invitation not found');
  return row;
}
