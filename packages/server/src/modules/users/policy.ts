import { hasRole, hasRoleOver, type Principal } from '../../auth/principal.js';
import { definePolicy, type Rule } from '../../kernel/policy.js';

export type UserAction =
  | 'user.list'
  | 'user.read'
  | 'user.create'
  | 'user.update'
  | 'user.assignRoles'
  | 'user.resetPassword'
  | 'user.revokeSessions'
  | 'invitation.create'
  | 'invitation.list'
  | 'invitation.revoke';

/** A root of the unit tree has a path of one id: "/root/". */
const isRootPath = (path: string) => path.split('/').filter(Boolean).length === 1;

/** The district office: an admin over a root of the unit tree. */
export function isDistrictAdmin(p: Principal | null): boolean {
  return !!p && p.grants.some((g) => g.role === 'admin' && isRootPath(g.unitPath));
}

/**
 * An admin over every unit involved (the user's grants, or the grants being given). An account
 * without any role lies in no unit's subtree: it is the district office's alone, so a street's
 * admin can neither see it nor reset its password.
 */
const adminOverAll: Rule<string[]> = (p, unitPaths) =>
  hasRole(p, 'admin') &&
  (unitPaths.length === 0 ? isDistrictAdmin(p) : unitPaths.every((path) => hasRoleOver(p, 'admin', path)));

/**
 * Only the campaign office manages accounts, and only inside its scope: an admin may act on a
 * user (or grant a role) when every unit involved lies in a subtree the admin holds. Lists show
 * each admin the accounts of its scope (see `userScope`).
 */
export const usersPolicy = definePolicy<UserAction, string[]>({
  'user.list': (p) => hasRole(p, 'admin'),
  'user.read': adminOverAll,
  'user.create': adminOverAll,
  'user.update': adminOverAll,
  'user.assignRoles': adminOverAll,
  'user.resetPassword': adminOverAll,
  'user.revokeSessions': adminOverAll,
  'invitation.create': adminOverAll,
  'invitation.list': (p) => hasRole(p, 'admin'),
  // Whoever could have issued it: an admin over every unit it grants a role on.
  'invitation.revoke': adminOverAll,
});

export const canUser = (p: Principal | null, action: UserAction, unitPaths: string[] = []): boolean =>
  usersPolicy.can(p, action, unitPaths);

/**
 * The accounts an admin's lists show, by the same rule as `canUser`: those whose roles all lie
 * in the admin's subtrees, and role-less ones for the district office.
 */
export interface UserScope {
  adminPaths: string[];
  roleless: boolean;
}

export function userScope(p: Principal | null): UserScope {
  return {
    adminPaths: (p?.grants ?? []).filter((g) => g.role === 'admin').map((g) => g.unitPath),
    roleless: isDistrictAdmin(p),
  };
}
