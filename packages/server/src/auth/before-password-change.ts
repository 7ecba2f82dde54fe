/** What an account may do while the password someone else set (initial or reset) is unchanged. */
const beforePasswordChange = new Set([
  'GET /api/v1/auth/session',
  'POST /api/v1/auth/logout',
  'POST /api/v1/auth/password',
]);

/**
 * Whether a request (its method and full path) is served to an account that must first replace a
 * password someone else set; every other one, public or not, is refused until it does. Shared by
 * the check itself and the API document, which lists the refusal on every other operation.
 */
export function allowedBeforePasswordChange(method: string, path: string): boolean {
  return beforePasswordChange.has(`${method.toUpperCase()} ${path}`);
}
