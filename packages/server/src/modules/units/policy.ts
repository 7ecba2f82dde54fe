import { hasRole, hasRoleOver, type Principal } from '../../auth/principal.js';
import { definePolicy, type Rule } from '../../kernel/policy.js';

export type UnitAction = 'unit.read' | 'unit.create' | 'unit.update' | 'unit.delete' | 'unit.import';
type Target = { path: string } | undefined;

/** An admin whose scope holds the unit (or, before one is chosen, any admin). */
const adminOver: Rule<Target> = (p, t) => (t ? hasRoleOver(p, 'admin', t.path) : hasRole(p, 'admin'));

/** The unit tree is public; changing it takes an admin whose scope holds the unit (or its parent). */
export const unitsPolicy = definePolicy<UnitAction, Target>({
  'unit.read': () => true,
  'unit.import': (p) => hasRole(p, 'admin'),
  'unit.create': adminOver,
  'unit.update': adminOver,
  'unit.delete': adminOver,
});

export const canUnit = (p: Principal | null, action: UnitAction, target?: { path: string }): boolean =>
  unitsPolicy.can(p, action, target);
