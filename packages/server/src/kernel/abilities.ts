import type { Principal } from '../auth/principal.js';
import type { Ability, ModuleDefinition } from './module.js';
import type { Policy } from './policy.js';

/** One ability as the session sends it: the action and the unit paths whose subtrees it covers. */
export interface AbilityView {
  action: string;
  scopes: string[];
}

/**
 * The scoped actions a principal may start, by each module's policy: for every ability, the
 * grants' unit paths where the rule holds. Policies decide by `hasRoleOver`, so a rule that holds
 * at a grant's unit holds in its whole subtree and the web app checks a unit by its path's prefix.
 */
export function abilitiesFor(
  p: Principal | null,
  modules: readonly Pick<ModuleDefinition, 'abilities'>[],
): AbilityView[] {
  if (!p) return [];
  const out: AbilityView[] = [];
  for (const ability of modules.flatMap((m) => m.abilities ?? [])) {
    const scopes = [...new Set(p.grants.map((g) => g.unitPath))].filter((path) => ability.allowed(p, path));
    if (scopes.length > 0) out.push({ action: ability.action, scopes: narrowest(scopes) });
  }
  return out;
}

/** Drops scopes inside another scope: the outer one already covers them. */
function narrowest(paths: string[]): string[] {
  return paths.filter((path) => !paths.some((other) => other !== path && path.startsWith(other)));
}

/** A module's abilities from its policy: each action asked with a grant's unit as the resource. */
export function abilitiesOf<A extends string, R>(
  policy: Policy<A, R>,
  actions: readonly A[],
  scopeOf: (unitPath: string) => R,
): Ability[] {
  return actions.map((action) => ({
    action,
    allowed: (p, unitPath) => policy.can(p, action, scopeOf(unitPath)),
  }));
}
