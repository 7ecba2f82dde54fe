/** SQLSTATE codes the services answer differently from any other database failure. */
export const SQL_STATE = {
  foreignKeyViolation: '23503',
  uniqueViolation: '23505',
} as const;

/**
 * Whether a database error (from pg or PGlite, as thrown or wrapped by the query builder in
 * `cause`) carries the given SQLSTATE.
 */
export function hasSqlState(error: unknown, code: string): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 3; depth++) {
    if ((e as { code?: unknown }).code === code) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** The constraint a database error names (as pg and PGlite report it), or undefined. */
export function constraintOf(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 3; depth++) {
    const constraint = (e as { constraint?: unknown }).constraint;
    if (typeof constraint === 'string') return constraint;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * The catch of an insert that raced past its check of uniqueness: a unique violation is answered
 * with `refusal()` (the same problem the check gives), any other failure is thrown on.
 */
export const refuseOnUniqueViolation =
  (refusal: () => Error) =>
  (error: unknown): never => {
    throw hasSqlState(error, SQL_STATE.uniqueViolation) ? refusal() : error;
  };
