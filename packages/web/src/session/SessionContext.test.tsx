import '../i18n';
import { render, screen } from '@testing-library/react';
import { useEffect } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { ApiContext, useApi } from '../api/ApiContext';
import { createApi } from '../api/client';
import type { Session } from '../api/types';
import { AppProviders } from '../components/AppProviders';
import { PublicLayout } from '../components/PublicLayout';
import { json } from '../test-support';
import { useSession } from './SessionContext';

/** A page that reads something from the API once the session is known. */
function ReadsTheCampaign() {
  const api = useApi();
  const { user } = useSession();
  const signedIn = user !== null;
  useEffect(() => {
    if (signedIn) void api.GET('/api/v1/public/campaign');
  }, [api, signedIn]);
  return <p>campaign page</p>;
}

describe('a password someone else set', () => {
  it('sends the person to the change-password page when the server answers PASSWORD_CHANGE_REQUIRED', async () => {
    // The page read the session as one account; the cookie has since become another's, signed
    // in from another tab with a password an admin gave it.
    const user = (login: string, mustChangePassword: boolean): Session => ({
      user: {
        id: '00000000-0000-4000-8000-000000000001',
        login,
        displayName: login,
        mustChangePassword,
        grants: [],
      },
      csrfToken: 'token',
      menu: [],
      abilities: [],
    });
    let session = user('wang', false);
    const fetch = async (request: Request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/auth/session') return json(session);
      session = user('li', true);
      return json({ type: 'about:blank', title: 'x', status: 403, code: 'PASSWORD_CHANGE_REQUIRED' }, 403);
    };
    const api = createApi({ fetch, baseUrl: 'http://localhost', locale: () => 'zh-CN' });
    const router = createMemoryRouter(
      [
        {
          path: '/',
          Component: PublicLayout,
          children: [
            { index: true, Component: ReadsTheCampaign },
            { path: 'account/password', element: <p>change password</p> },
          ],
        },
      ],
      { initialEntries: ['/'] },
    );
    render(
      <ApiContext value={api}>
        <AppProviders>
          <RouterProvider router={router} />
        </AppProviders>
      </ApiContext>,
    );
    expect(await screen.findByText('change password')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/account/password');
  });
});
