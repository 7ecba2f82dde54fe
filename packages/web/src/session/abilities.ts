import type { Session } from '../api/types';

export type Ability = Session['abilities'][number];

/**
 * Whether the server's rules let this person start `action` — anywhere, or for the unit at
 * `unitPath` when one is given (a scope covers its whole subtree, as on the server).
 */
export function mayStart(abilities: readonly Ability[], action: string, unitPath?: string): boolean {
  const ability = abilities.find((a) => a.action === action);
  if (!ability) return false;
  return unitPath === undefined || ability.scopes.some((scope) => unitPath.startsWith(scope));
}
