import type { MenuItem } from '../../session/SessionContext';

/**
 * The menu item a path belongs to, for the selected key and for the page guard. The items come
 * from the server with the session, decided by each module's policy.
 */
export function menuItemOf(pathname: string, menu: readonly MenuItem[]): MenuItem | undefined {
  const path = pathname.replace(/\/+$/, '') || '/admin';
  return menu.find((item) => item.path === path);
}

/** The menu item a detail page belongs to (`/admin/targets/plans/<id>` → the plans). */
export function sectionOf(pathname: string, menu: readonly MenuItem[]): MenuItem | undefined {
  return menu.find((item) => item.path !== '/admin' && pathname.startsWith(`${item.path}/`));
}
