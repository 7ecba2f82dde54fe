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
  /**
   * For the rows where scope decides: whether an admin over one street (城西街道) may make this
   * call. The matrix's target account has no role (the district office's alone) and its unit hangs
   * from the root, outside the street.
   */
  streetAdmin?: boolean;
  call: (ids: Ids) => [string, string, unknown?];
}

/** A module's rows, by OpenAPI operation id (the audit action of a command). */
export type AuthzRows = Record<string, AuthzRow>;
