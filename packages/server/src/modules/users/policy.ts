import { hasRole, hasRoleOver, type Principal } from '../../auth/principal.js';

export type UserAction =
  | 'user.list'
  | 'user.read'
  | 'user.create'
  | 'user.update'
  | 'user.assignRoles'
  | 'user.resetPassword'
  | 'user.revokeSessions'
  | 'invitation.create';

/** A root of the unit tree has a path of one id: "/root/". */
const isRootPath = (path: string) => path.split('/').filter(Boolean).length === 1;

/** The district office: an admin over a root of the unit tree. */
export function isDistrictAdmin(p: Principal | null): boolean {
  return !!p && p.grants.some((g) => g.role === 'admin' && isRootPath(g.unitPath));
}

/**
 * Only the campaign office manages accounts, and only inside its scope: an admin may act on a
 * user (or grant a role) when every unit involved lies in a subtree the admin holds. An account
 * without any role lies in no unit's subtree: it is the district office's alone, so a street's
 * admin can neither see it nor reset its password.
 */
export function canUser(p: Principal | null, action: UserAction, unitPaths: string[] = []): boolean {
  if (!hasRole(p, 'admin')) return false;
  if (action === 'user.list') return true;
  if (unitPaths.length === 0) return isDistrictAdmin(p);
  return unitPaths.every((path) => hasRoleOver(p, 'admin', path));
}

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
