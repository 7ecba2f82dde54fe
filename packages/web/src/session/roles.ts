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

/** Whether the person is a firm's staff, whose firm's page is theirs to open. The server decides too. */
export function isFirmStaff(menu: Menu): boolean {
  return menu.some((item) => item.path === '/firm');
}

/**
 * Where a person lands after signing in, by the session the server answered with: staff in the
 * console, a firm's staff on their firm's page, everyone else on the home page.
 */
export function homeFor(session: Pick<Session, 'user' | 'menu'>): string {
  if (!session.user) return '/login';
  if (session.user.mustChangePassword) return '/account/password';
  if (isStaff(session.menu)) return '/admin';
  return isFirmStaff(session.menu) ? '/firm' : '/';
}
