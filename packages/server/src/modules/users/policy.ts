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
  | 'invitation.create';

/** An admin over every unit involved (the user's grants, or the grants being given). */
const adminOverAll: Rule<string[]> = (p, unitPaths) =>
  hasRole(p, 'admin') && unitPaths.every((path) => hasRoleOver(p, 'admin', path));

/**
 * Only the campaign office manages accounts, and only inside its scope: an admin may act on a
 * user (or grant a role) when every unit involved lies in a subtree the admin holds.
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
});

export const canUser = (p: Principal | null, action: UserAction, unitPaths: string[] = []): boolean =>
  usersPolicy.can(p, action, unitPaths);
