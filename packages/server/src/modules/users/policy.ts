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

/**
 * Only the campaign office manages accounts, and only inside its scope: an admin may act on a
 * user (or grant a role) when every unit involved lies in a subtree the admin holds.
 */
export function canUser(p: Principal | null, action: UserAction, unitPaths: string[] = []): boolean {
  if (!hasRole(p, 'admin')) return false;
  if (action === 'user.list') return true;
  return unitPaths.every((path) => hasRoleOver(p, 'admin', path));
}
