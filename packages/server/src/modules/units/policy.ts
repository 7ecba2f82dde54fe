import { hasRole, hasRoleOver, type Principal } from '../../auth/principal.js';

export type UnitAction = 'unit.read' | 'unit.create' | 'unit.update' | 'unit.delete' | 'unit.import';

/** The unit tree is public; changing it takes an admin whose scope holds the unit (or its parent). */
export function canUnit(p: Principal | null, action: UnitAction, target?: { path: string }): boolean {
  switch (action) {
    case 'unit.read':
      return true;
    case 'unit.import':
      return hasRole(p, 'admin');
    default:
      return target ? hasRoleOver(p, 'admin', target.path) : hasRole(p, 'admin');
  }
}
