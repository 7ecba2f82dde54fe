import { limits } from '@qianxing/core/limits';
import { and, eq, isNull } from 'drizzle-orm';
import { sessions } from '../../../auth/schema.js';
import type { Db } from '../../../db/client.js';
import type { Tx } from '../../../db/transaction.js';
import { AppError } from '../../../errors.js';
import { holdUnitPlaces, type UnitBrief, unitsByIds } from '../../units/api.js';
import type { RoleGrant } from '../contracts.js';

/** The paths of the units that grants name, or a VALIDATION problem when one does not exist. */
export async function unitPaths(db: Db, unitIds: string[]): Promise<string[]> {
  return pathsOf(unitIds, (ids) => unitsByIds(db, ids));
}

/**
 * The same, in the transaction that writes the grants, the units held where they are until it
 * commits: one deleted since the first check is an unknown unit rather than a broken foreign key,
 * and one moved meanwhile is authorised where it now sits.
 */
export async function heldUnitPaths(tx: Tx, unitIds: string[]): Promise<string[]> {
  return pathsOf(unitIds, (ids) => holdUnitPlaces(tx, ids));
}

async function pathsOf(
  unitIds: string[],
  read: (ids: string[]) => Promise<Map<string, UnitBrief>>,
): Promise<string[]> {
  const ids = [...new Set(unitIds)];
  if (ids.length === 0) return [];
  const rows = [...(await read(ids)).values()];
  if (rows.length !== ids.length) {
    throw new AppError('VALIDATION', 'a role names a unit that does not exist', [
      { path: 'roles', message: 'unknown unit', code: 'unknown_unit' },
    ]);
  }
  return rows.map((r) => r.path);
}

/**
 * A login in the form of a mainland mobile number belongs to that phone: a resident registers and
 * signs in by it, proving it by a code. Taken by any other account (an invitation's, an account an
 * admin creates without that phone), it would shut the phone's owner out of registering, with a
 * refusal that calls the number registered, and show a number in full where lists mask phones. So
 * such a login is the login only of the account whose phone it is.
 */
export function assertLoginIsNoOtherPhone(input: { login: string; phone?: string | undefined }) {
  if (limits.phone.test(input.login.trim()) && input.phone !== input.login.trim())
    throw new AppError('VALIDATION', 'a mobile number is the login only of the account with that phone', [
      { path: 'login', message: 'a mobile number', code: 'login_is_phone' },
    ]);
}

/** Each grant once. */
export const dedupe = (grants: RoleGrant[]) => [
  ...new Map(grants.map((g) => [`${g.role}:${g.unitId}`, g])).values(),
];

/** Signs the user out everywhere, inside the caller's transaction. */
export async function revokeAll(tx: Tx, userId: string) {
  await tx
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}
