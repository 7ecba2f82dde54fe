import type { Page } from 'playwright-core';

export interface ApiReply<T> {
  status: number;
  body: T;
}

/**
 * Calls the real HTTP API from inside the page, with its session's cookie and CSRF token, as the
 * web app itself does: for the steps of a journey that have no page, or are only preconditions.
 */
export async function callApi<T = unknown>(
  page: Page,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<ApiReply<T>> {
  const reply = await page.evaluate(
    async (req) => {
      const { csrfToken } = (await (await fetch('/api/v1/auth/session')).json()) as { csrfToken: string };
      const res = await fetch(req.path, {
        method: req.method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
    },
    { method, path, body },
  );
  return reply as ApiReply<T>;
}

/** As callApi, and fails with the server's problem when the call did not succeed. */
export async function apiJson<T>(
  page: Page,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  const reply = await callApi<T>(page, method, path, body);
  if (reply.status >= 300)
    throw new Error(`${method} ${path}: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
}
