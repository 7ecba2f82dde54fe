import createClient, { type Middleware } from 'openapi-fetch';
import { isProblem } from './problem';
import type { paths } from './schema';
import type { Session } from './types';

export type FetchFn = (input: Request) => Promise<Response>;

export interface ApiOptions {
  /** Defaults to the global fetch; tests pass their own. */
  fetch?: FetchFn;
  /** Defaults to the page's origin: the API is served on the same port as the app. */
  baseUrl?: string;
  /** The locale sent as Accept-Language, read on every request so a language switch applies at once. */
  locale?: () => string;
}

const SESSION_PATH = '/api/v1/auth/session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The typed API client. Writes carry the session's CSRF token (synchroniser-token pattern):
 * the token is taken from every session-shaped response, and fetched once when a write comes
 * before any session was read.
 */
export function createApi(options: ApiOptions = {}) {
  const fetchFn: FetchFn = options.fetch ?? ((request) => globalThis.fetch(request));
  const baseUrl = options.baseUrl ?? globalThis.location?.origin ?? '';
  let csrfToken: string | null = null;
  const passwordChangeListeners = new Set<() => void>();

  const client = createClient<paths>({ baseUrl, fetch: fetchFn, credentials: 'same-origin' });

  async function loadCsrfToken(): Promise<string | null> {
    const response = await fetchFn(new Request(`${baseUrl}${SESSION_PATH}`, { credentials: 'same-origin' }));
    if (response.ok) csrfToken = ((await response.json()) as Session).csrfToken;
    return csrfToken;
  }

  const middleware: Middleware = {
    async onRequest({ request }) {
      if (options.locale) request.headers.set('accept-language', options.locale());
      if (!SAFE_METHODS.has(request.method)) {
        const token = csrfToken ?? (await loadCsrfToken());
        if (token) request.headers.set('x-csrf-token', token);
      }
      return request;
    },
    async onResponse({ response, schemaPath }) {
      const carriesSession = schemaPath === SESSION_PATH || schemaPath === '/api/v1/auth/login';
      if (carriesSession && response.ok) {
        csrfToken = ((await response.clone().json()) as Session).csrfToken;
      }
      if (schemaPath === '/api/v1/auth/logout' && response.ok) csrfToken = null;
      if (response.status === 403) {
        const problem: unknown = await response
          .clone()
          .json()
          .catch(() => null);
        if (isProblem(problem) && problem.code === 'PASSWORD_CHANGE_REQUIRED')
          for (const listener of passwordChangeListeners) listener();
      }
      return response;
    },
  };
  client.use(middleware);

  return Object.assign(client, {
    setCsrfToken(token: string | null) {
      csrfToken = token;
    },
    /**
     * Calls `listener` whenever the server answers that the account must replace a password
     * someone else set before anything else; answers a function that stops the calls.
     */
    onPasswordChangeRequired(listener: () => void) {
      passwordChangeListeners.add(listener);
      return () => void passwordChangeListeners.delete(listener);
    },
  });
}

export type Api = ReturnType<typeof createApi>;
