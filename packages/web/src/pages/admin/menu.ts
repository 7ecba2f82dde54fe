import type { Role } from '../../api/types';
import { staffRoles } from '../../session/roles';

export interface AdminMenuItem {
  /** Route path under /admin, also the menu key. */
  path: string;
  /** i18n key of the label. */
  label: string;
  /** Roles that see the item (and may open its page). */
  roles: readonly Role[];
}

/** What each role sees in the admin console: one row per page that exists. */
export const adminMenu: readonly AdminMenuItem[] = [
  { path: '/admin', label: 'admin.menu.overview', roles: staffRoles },
  { path: '/admin/users', label: 'admin.menu.users', roles: ['admin'] },
  { path: '/admin/units', label: 'admin.menu.units', roles: ['admin'] },
  {
    path: '/admin/targets/indicators',
    label: 'targets.menu.indicators',
    roles: ['admin', 'department_staff', 'supervisor'],
  },
  {
    path: '/admin/targets/plans',
    label: 'targets.menu.plans',
    roles: ['admin', 'department_staff', 'supervisor'],
  },
  {
    path: '/admin/targets/reports',
    label: 'targets.menu.reports',
    roles: ['admin', 'department_staff', 'supervisor'],
  },
  { path: '/admin/targets/scorecards', label: 'targets.menu.scorecards', roles: ['admin', 'supervisor'] },
  { path: '/admin/targets/regional', label: 'targets.menu.regional', roles: staffRoles },
  { path: '/admin/ideas/campaigns', label: 'ideas.menu.campaigns', roles: ['admin'] },
  {
    path: '/admin/ideas/screening',
    label: 'ideas.menu.screening',
    roles: ['admin', 'organiser', 'screener'],
  },
  {
    path: '/admin/ideas/comments',
    label: 'ideas.menu.comments',
    roles: ['admin', 'organiser', 'screener'],
  },
  { path: '/admin/ideas/reviews', label: 'ideas.menu.reviews', roles: ['expert'] },
  { path: '/admin/ideas/selection', label: 'ideas.menu.selection', roles: ['admin'] },
  { path: '/admin/ideas/actions', label: 'ideas.menu.actions', roles: ['admin', 'department_staff'] },
  { path: '/admin/ideas/events', label: 'ideas.menu.events', roles: ['admin', 'organiser'] },
  {
    path: '/admin/ideas/dashboard',
    label: 'ideas.menu.dashboard',
    roles: ['admin', 'organiser', 'screener'],
  },
  {
    path: '/admin/ideas/survey',
    label: 'ideas.menu.survey',
    roles: ['admin', 'organiser', 'screener'],
  },
  { path: '/admin/audit', label: 'admin.menu.audit', roles: ['admin', 'supervisor'] },
];

export function menuFor(roles: ReadonlySet<Role>): AdminMenuItem[] {
  return adminMenu.filter((item) => item.roles.some((role) => roles.has(role)));
}

/** The menu item a path belongs to, for the selected key and for the page guard. */
export function menuItemOf(pathname: string): AdminMenuItem | undefined {
  const path = pathname.replace(/\/+$/, '') || '/admin';
  return adminMenu.find((item) => item.path === path);
}
