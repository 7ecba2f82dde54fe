import type { Role } from '../modules/users/api.js';

/**
 * One row of the authorisation matrix: who may call an operation, and a call of it. `public`
 * operations take anyone, `signedIn` any account; otherwise the listed roles only.
 */
export type Who = 'public' | 'signedIn' | readonly Role[];

/** Records the matrix makes before it runs, for calls that need a real id. */
export interface Ids {
  root: string;
  target: string;
  unit: string;
}

export interface AuthzRow {
  who: Who;
  call: (ids: Ids) => [string, string, unknown?];
}

/** A module's rows, by OpenAPI operation id (the audit action of a command). */
export type AuthzRows = Record<string, AuthzRow>;
