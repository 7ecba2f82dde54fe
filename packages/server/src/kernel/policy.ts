import type { Principal } from '../auth/principal.js';

/** One rule: may this principal take the action on this resource? */
export type Rule<R> = (p: Principal | null, resource: R) => boolean;

/**
 * A module's access rules in one shape: a table from action to rule, deny by default (an action
 * missing from the table does not type-check). No chain whose order matters (Decidim #5063);
 * `policy.test.ts` beside each module walks role × action × resource state through it.
 */
export interface Policy<A extends string, R> {
  readonly rules: Readonly<Record<A, Rule<R>>>;
  readonly actions: readonly A[];
  can(p: Principal | null, action: A, resource: R): boolean;
  /** True when the principal may take `action` in some scope they hold (for menus and early refusals). */
  mayEver(p: Principal | null, action: A, scopeOf: (unitPath: string) => R): boolean;
  /** The actions of `among` the principal may take on `resource`, sent with it to the web app. */
  allowed<K extends A>(p: Principal | null, among: readonly K[], resource: R): K[];
}

export function definePolicy<A extends string, R>(rules: Readonly<Record<A, Rule<R>>>): Policy<A, R> {
  const can = (p: Principal | null, action: A, resource: R) => rules[action](p, resource);
  return {
    rules,
    actions: Object.keys(rules) as A[],
    can,
    mayEver: (p, action, scopeOf) => !!p && p.grants.some((g) => can(p, action, scopeOf(g.unitPath))),
    allowed: (p, among, resource) => among.filter((a) => can(p, a, resource)),
  };
}
