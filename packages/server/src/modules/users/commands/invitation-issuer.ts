import { eq } from 'drizzle-orm';
import type { Principal } from '../../../auth/principal.js';
import type { Db } from '../../../db/client.js';
import type { Tx } from '../../../db/transaction.js';
import { AppError } from '../../../errors.js';
import type { RoleGrant } from '../contracts.js';
import { canUser } from '../policy.js';
import { grantsOf } from '../queries/users.js';
import { users } from '../schema.js';
import { unitPaths } from './user-common.js';

/**
 * An invitation gives its roles on its issuer's authority, so at acceptance the issuer must still
 * hold it: enabled, and an admin over every unit it grants a role on. An admin disabled or
 * demoted (for cause, perhaps) otherwise left links that make admins for weeks after. The
 * issuer's row is held (shared) until the acceptance commits: a disabling or a change of the
 * issuer's roles, which lock that row, waits for it or is seen by it.
 */
export async function assertIssuerStillGrants(tx: Tx, issuerId: string, grants: RoleGrant[]): Promise<void> {
  const [issuer] = await issuerRow(tx, issuerId).for('share');
  await assertGrants(tx, issuer, issuerId, grants);
}

/**
 * The same check as the invitation's link is opened, without a lock (nothing is written): the
 * page says at once that the link gives nothing, instead of the form refused only once filled in.
 */
export async function assertIssuerGrantsNow(db: Db, issuerId: string, grants: RoleGrant[]): Promise<void> {
  await assertGrants(db, (await issuerRow(db, issuerId))[0], issuerId, grants);
}

const issuerRow = (db: Db, issuerId: string) =>
  db.select({ login: users.login, disabled: users.disabled }).from(users).where(eq(users.id, issuerId));

async function assertGrants(
  db: Db,
  issuer: { login: string; disabled: boolean } | undefined,
  issuerId: string,
  grants: RoleGrant[],
): Promise<void> {
  const held = issuer && !issuer.disabled ? await grantsOf(db, [issuerId]) : [];
  const asIssuer: Principal = {
    userId: issuerId,
    login: issuer?.login ?? '',
    displayName: '',
    grants: held.map(({ role, unitId, unitPath }) => ({ role, unitId, unitPath })),
    sessionId: '',
    csrfToken: '',
    mustChangePassword: false,
  };
  const paths = await unitPaths(
    db,
    grants.map((g) => g.unitId),
  );
  if (!issuer || issuer.disabled || !canUser(asIssuer, 'invitation.create', paths))
    throw new AppError('INVALID_STATE', 'whoever issued the invitation can no longer give its roles', [
      { path: 'invitation', message: 'issuer withdrawn', code: 'invitation_issuer_withdrawn' },
    ]);
}
