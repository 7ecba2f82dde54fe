/// <reference types="vite/client" />
import { authzRows as platformRows } from '../http/authz.rows.js';
import type { AuthzRows } from '../test-support/authz.js';
import type { Role } from './users/api.js';

/**
 * The authorisation matrix, for tests: every route of the API with who may call it and a call of
 * it. Each module keeps its rows beside its code (`<module>/authz.rows.ts`, found here by name,
 * so a new module edits nothing here).
 */
export const authzByModule: Record<string, AuthzRows> = Object.fromEntries(
  Object.entries(import.meta.glob<{ authzRows: AuthzRows }>('./*/authz.rows.ts', { eager: true })).map(
    ([path, m]) => [path.split('/')[1]!, m.authzRows],
  ),
);

export const authzMatrix: AuthzRows = Object.assign({}, platformRows, ...Object.values(authzByModule));

/** The demo account that holds each role. */
export const demoLogin: Record<Role, string> = {
  admin: 'office',
  organiser: 'organiser',
  screener: 'screener',
  expert: 'expert1',
  department_staff: 'dept',
  supervisor: 'supervisor',
  liaison: 'cadre',
  enterprise: 'enterprise',
  citizen: 'citizen',
};
