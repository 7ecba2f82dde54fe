import type { Actor } from '../audit/audit.js';
import type { Role } from '../modules/users/api.js';

export interface Grant {
  role: Role;
  unitId: string;
  /** Materialised path of the scope unit: every unit whose path starts with it is in scope. */
  unitPath: string;
}

/** The signed-in person as every policy sees them. */
export interface Principal {
  userId: string;
  login: string;
  displayName: string;
  grants: Grant[];
  sessionId: string;
  csrfToken: string;
  mustChangePassword: boolean;
}

/** Roles that work in the admin console; enterprise and citizen accounts use the public site. */
export const staffRoles: readonly Role[] = [
  'admin',
  'organiser',
  'screener',
  'expert',
  'department_staff',
  'supervisor',
  'liaison',
];

export const isStaff = (p: Principal | null): boolean =>
  !!p && p.grants.some((g) => staffRoles.includes(g.role));

export function hasRole(p: Principal | null, role: Role): boolean {
  return !!p && p.grants.some((g) => g.role === role);
}

/** True when `p` holds `role` over a scope that contains the unit at `unitPath`. */
export function hasRoleOver(p: Principal | null, role: Role, unitPath: string): boolean {
  return !!p && p.grants.some((g) => g.role === role && unitPath.startsWith(g.unitPath));
}

/**
 * True when `p` holds `role` at a root of the unit tree: the district office or the district's
 * discipline commission, whose scope is the whole district. District-wide records (campaign
 * lists, the quarterly scorecard, settings, the audit log) need this; a town's admin has
 * `hasRoleOver` its own subtree only.
 */
export function hasDistrictRole(p: Principal | null, role: Role): boolean {
  return !!p && p.grants.some((g) => g.role === role && g.unitPath.split('/').filter(Boolean).length === 1);
}

export function actorOf(p: Principal | null, requestId?: string): Actor {
  return p
    ? { userId: p.userId, label: p.login, requestId }
    : { userId: null, label: 'anonymous', requestId };
}
