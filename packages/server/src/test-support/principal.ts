import type { Principal } from '../auth/principal.js';
import type { Role } from '../modules/users/api.js';

/** A signed-in principal holding each of `grants` (role over the unit at that path), for policy tables. */
export function principal(...grants: Array<[Role, string]>): Principal {
  return {
    userId: 'u',
    login: grants.map(([role]) => role).join('+') || 'nobody',
    displayName: 'test',
    grants: grants.map(([role, unitPath]) => ({ role, unitId: unitPath, unitPath })),
    sessionId: 's',
    csrfToken: 't',
    mustChangePassword: false,
  };
}
