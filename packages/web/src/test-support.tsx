import { render } from '@testing-library/react';
import type { ComponentType } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { ApiContext } from './api/ApiContext';
import { createApi } from './api/client';
import { AppProviders } from './components/AppProviders';

/** A JSON reply of the fake API (a problem's media type from 400 on). */
export function json(body: unknown, status = 200) {
  const type = status >= 400 ? 'application/problem+json' : 'application/json';
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
}

/** What the fake API says to any path it does not know. */
export const notFound = () =>
  json({ type: 'about:blank', title: 'Not Found', status: 404, code: 'NOT_FOUND' }, 404);

/**
 * Renders one page, as the app would at `url` (matched by `pattern`), with the app's providers
 * and a client whose requests go to `fetch` (the fake API of the test).
 */
export function renderRoute(
  pattern: string,
  Component: ComponentType,
  fetch: (request: Request) => Promise<Response>,
  url = pattern,
) {
  const api = createApi({ fetch, baseUrl: 'http://localhost', locale: () => 'zh-CN' });
  const router = createMemoryRouter([{ path: pattern, Component }], { initialEntries: [url] });
  render(
    <ApiContext value={api}>
      <AppProviders>
        <RouterProvider router={router} />
      </AppProviders>
    </ApiContext>,
  );
}
