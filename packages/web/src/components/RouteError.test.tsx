import '../i18n';
import { render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { isStaleScript, RouteError } from './RouteError';

/** A route whose page fails as `failure` says, under a route that shows RouteError. */
function renderFailing(failure: () => never) {
  const router = createMemoryRouter(
    [
      {
        path: '/',
        ErrorBoundary: RouteError,
        children: [{ index: true, lazy: async () => failure() }],
      },
    ],
    { initialEntries: ['/'] },
  );
  render(<RouterProvider router={router} />);
}

describe('a page that cannot be shown', () => {
  it('tells of a new version when its script is gone, and offers to reload', async () => {
    // React Router reports the error on the console as well.
    vi.spyOn(console, 'error').mockImplementation(() => {});
    renderFailing(() => {
      throw new TypeError('Failed to fetch dynamically imported module: /assets/DetailPage-0ld.js');
    });
    expect(await screen.findByRole('heading', { name: '网站已更新' })).toBeTruthy();
    expect(screen.getByTestId('route-error-reload').textContent).toBe('刷新页面');
    expect(screen.getByRole('link', { name: '首页' }).getAttribute('href')).toBe('/');
  });

  it('says something went wrong for any other error, in the reader’s words', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    renderFailing(() => {
      throw new Error('boom');
    });
    expect(await screen.findByRole('heading', { name: '页面出错了' })).toBeTruthy();
    expect(screen.queryByText('boom')).toBeNull();
  });

  it('knows a stale script by each browser’s words', () => {
    expect(isStaleScript(new TypeError('error loading dynamically imported module: x.js'))).toBe(true);
    expect(isStaleScript(new TypeError('Importing a module script failed.'))).toBe(true);
    expect(isStaleScript(new Error('Unable to preload CSS for /assets/Detail-0ld.css'))).toBe(true);
    expect(isStaleScript(new TypeError('Failed to fetch'))).toBe(false);
    expect(isStaleScript('Failed to fetch dynamically imported module')).toBe(false);
  });
});
