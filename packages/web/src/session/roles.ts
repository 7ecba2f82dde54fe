import type { Role, Session, SessionUser } from '../api/types';

type Menu = Session['menu'];

export function userRoles(user: SessionUser | null): Set<Role> {
  return new Set(user?.grants.map((grant) => grant.role) ?? []);
}

/**
 * Whether the person works in the admin console. The server decides: it opens the console menu
 * of staff with the overview, and sends enterprise and citizen accounts no console at all.
 */
export function isStaff(menu: Menu): boolean {
  return menu.some((item) => item.path === '/admin');
}

/** Where a person lands after signing in, by the session the server answered with. */
export function homeFor(session: Pick<Session, 'user' | 'menu'>): string {
  if (!session.user) return '/login';
  if (session.user.mustChangePassword) return '/account/password';
  return isStaff(session.menu) ? '/admin' : '/';
}
