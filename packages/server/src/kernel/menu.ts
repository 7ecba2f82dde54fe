import { hasDistrictRole, isStaff, type Principal } from '../auth/principal.js';
import type { MenuEntry, ModuleDefinition } from './module.js';

/** The console's own entries around the modules': the overview first, the audit log last. */
const overview: MenuEntry = { path: '/admin', label: 'admin.menu.overview', visible: isStaff };
const auditLog: MenuEntry = {
  path: '/admin/audit',
  label: 'admin.menu.audit',
  visible: (p) => hasDistrictRole(p, 'admin') || hasDistrictRole(p, 'supervisor'),
};

/**
 * The console menu a principal sees, decided on the server by each module's policy and sent
 * with the session, so the web app never re-implements who may open what.
 */
export function menuFor(
  p: Principal | null,
  modules: readonly Pick<ModuleDefinition, 'menu'>[],
): Array<{ path: string; label: string }> {
  if (!p) return [];
  const entries = [overview, ...modules.flatMap((m) => m.menu ?? []), auditLog];
  return entries.filter((e) => e.visible(p)).map(({ path, label }) => ({ path, label }));
}
