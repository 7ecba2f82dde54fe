/**
 * The remembered-device cookie: the random tokens of the accounts this browser signed in to
 * (one each, newest first), joined by dots. Sent only to the sign-in routes and the owner's list
 * of devices, never readable by scripts.
 */
export const DEVICE_COOKIE = 'qx_device';
export const DEVICE_COOKIE_PATH = '/api/v1/auth';

/** Tokens one browser keeps: a shared family computer signs in to a few accounts, not more. */
export const TOKENS_PER_COOKIE = 5;

/** The tokens a cookie holds; anything not shaped as one of ours (newToken) is ignored. */
export function deviceTokensOf(cookie: string | undefined): string[] {
  if (!cookie) return [];
  return cookie
    .split('.')
    .filter((t) => /^[A-Za-z0-9_-]{43}$/.test(t))
    .slice(0, TOKENS_PER_COOKIE);
}

export const deviceCookieOf = (tokens: readonly string[]): string =>
  tokens.slice(0, TOKENS_PER_COOKIE).join('.');
