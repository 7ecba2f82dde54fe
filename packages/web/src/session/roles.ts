import type { Role, SessionUser } from '../api/types';

/** Roles that work in the admin console; enterprise and citizen accounts use the public site. */
export const staffRoles: readonly Role[] = [
  'admin',
  'organiser',
  'screener',
  'expert',
  'department_staff',
  'supervisor',
];

export function userRoles(user: SessionUser | null): Set<Role> {
  return new Set(user?.grants.map((grant) => grant.role) ?? []);
}

export function isStaff(user: SessionUser | null): boolean {
  return user?.grants.some((grant) => staffRoles.includes(grant.role)) ?? false;
}

/** A firm's staff (an enterprise account): their firm's page is theirs to open. */
export function isFirmStaff(user: SessionUser | null): boolean {
  return user?.grants.some((grant) => grant.role === 'enterprise') ?? false;
}

/** Where a person lands after signing in: staff in the console, a firm's staff on their firm's page. */
export function homeFor(user: SessionUser): string {
  if (user.mustChangePassword) return '/account/password';
  if (isStaff(user)) return '/admin';
  return isFirmStaff(user) ? '/firm' : '/';
}
