/**
 * What other modules may use of `users`: roles, account lookups through these functions, the
 * account schemas the sign-in routes share, invitations a module issues for its own purpose (and
 * the work it does when one is accepted), and the tables only for foreign keys.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { unitsByIds } from '../units/api.js';
import { listedLogin } from './queries/listed-login.js';
import { userRoles, users } from './schema.js';

export { acceptInvitation } from './commands/acceptInvitation.js';
export { createUserFromCli, insertUser } from './commands/createUser.js';
export {
  type InvitationAccepted,
  issueInvitation,
  whenInvitationAccepted,
} from './commands/issueInvitation.js';
export { resetPasswordByLogin } from './commands/resetPassword.js';
export { storeOwnPassword } from './commands/storeOwnPassword.js';
export { revokeAll as revokeAllSessions } from './commands/user-common.js';
export { displayName, loginName, password, phone, Role, UserView } from './contracts.js';
export { isDistrictAdmin } from './policy.js';
export { holdersAt } from './queries/holders.js';
export { describeInvitation } from './queries/invitations.js';
export {
  accountForSignIn,
  type PrincipalAccount,
  passwordHashOf,
  principalAccountOf,
  recoverableByPhone,
  stillRecoverable,
} from './queries/sign-in.js';
export { invitations, roles } from './schema.js';
export { users };

/** Every enabled holder of `role`, with the unit of each grant (one row per grant). */
export async function holdersOf(db: Db, role: (typeof userRoles.$inferSelect)['role']) {
  return db
    .select({ id: users.id, unitId: userRoles.unitId })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(and(eq(userRoles.role, role), eq(users.disabled, false)));
}

/**
 * The enabled holders of `role` whose grant covers each of these unit paths (at the unit or at one
 * above it, as the policies' `hasRoleOver` reads a grant), by path: a unit's notices go to them,
 * not only to those granted at exactly that unit.
 */
export async function holdersOver(
  db: Db,
  role: (typeof userRoles.$inferSelect)['role'],
  paths: readonly string[],
): Promise<Map<string, string[]>> {
  const grants = await holdersOf(db, role);
  const units = await unitsByIds(
    db,
    grants.map((g) => g.unitId),
  );
  const over = (path: string) =>
    grants.filter((g) => path.startsWith(units.get(g.unitId)?.path ?? '\u0000')).map((g) => g.id);
  return new Map(paths.map((path) => [path, [...new Set(over(path))]]));
}

/**
 * Enabled accounts that hold one of `roles` anywhere, with their display names, by name (a
 * module that assigns staff to its records, such as a project's service commissioner).
 */
export async function accountsWithRoles(
  db: Db,
  roles: ReadonlyArray<(typeof userRoles.$inferSelect)['role']>,
): Promise<Array<{ id: string; name: string }>> {
  if (roles.length === 0) return [];
  return db
    .selectDistinct({ id: users.id, name: users.displayName })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(and(inArray(userRoles.role, [...roles]), eq(users.disabled, false)))
    .orderBy(users.displayName);
}

/** Display names by user id. */
export async function displayNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The id of the account with this login, or undefined. */
export async function userIdByLogin(db: Db, login: string): Promise<string | undefined> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.login, login));
  return row?.id;
}

/** The units at which an account holds `role`, one per grant. */
export async function unitIdsOfRole(
  db: Db,
  userId: string,
  role: (typeof userRoles.$inferSelect)['role'],
): Promise<string[]> {
  const rows = await db
    .select({ unitId: userRoles.unitId })
    .from(userRoles)
    .where(and(eq(userRoles.userId, userId), eq(userRoles.role, role)));
  return rows.map((r) => r.unitId);
}

/** Whether any account exists (the demo seeds only an empty database). */
export async function anyUser(db: Db): Promise<boolean> {
  return (await db.select({ id: users.id }).from(users).limit(1)).length > 0;
}

/** An account in brief: its login as is, and as a list shows it (`listedLogin`). */
export interface AccountBrief {
  id: string;
  login: string;
  listedLogin: string;
  displayName: string;
  disabled: boolean;
}

/**
 * Accounts in brief by id (an unknown id is simply absent). With `hold`, in a write's
 * transaction, the rows read stay locked (share) until it commits: an account disabled meanwhile
 * waits for the write that relied on it being enabled.
 */
export async function accountsByIds(
  db: Db,
  ids: readonly string[],
  hold = false,
): Promise<Map<string, AccountBrief>> {
  if (ids.length === 0) return new Map();
  const query = db
    .select({
      id: users.id,
      login: users.login,
      phone: users.phone,
      displayName: users.displayName,
      disabled: users.disabled,
    })
    .from(users)
    .where(inArray(users.id, [...ids]))
    .orderBy(users.id);
  const rows = hold ? await query.for('share') : await query;
  return new Map(rows.map(({ phone, ...r }) => [r.id, { ...r, listedLogin: listedLogin(r.login, phone) }]));
}
export { userAuditTitles } from './queries/audit-titles.js';
