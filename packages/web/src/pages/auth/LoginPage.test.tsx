import '../../i18n';
import { fireEvent, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { ApiContext } from '../../api/ApiContext';
import { createApi } from '../../api/client';
import type { Session, SessionUser } from '../../api/types';
import { AppProviders } from '../../components/AppProviders';
import { LoginPage } from './LoginPage';

function json(body: unknown, status = 200, type = 'application/json') {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
}

const staff: SessionUser = {
  id: '00000000-0000-4000-8000-000000000001',
  login: 'office',
  displayName: '活动办',
  mustChangePassword: false,
  grants: [{ role: 'admin', unitId: '00000000-0000-4000-8000-000000000002' }],
};

/** The console menu the server sends staff; enterprise and citizen accounts get none. */
const consoleMenu: Session['menu'] = [{ path: '/admin', label: 'admin.menu.overview' }];

/** A server that knows one account, `office` with the password `right-password`. */
function fakeServer(user: SessionUser, menu: Session['menu']) {
  const logins: { body: unknown; csrf: string | null; language: string | null }[] = [];
  const fetch = async (request: Request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/auth/session')
      return json({ user: null, csrfToken: 'anonymous-token', menu: [], abilities: [] } satisfies Session);
    if (path === '/api/v1/auth/login' && request.method === 'POST') {
      const body = (await request.json()) as { login: string; password: string };
      logins.push({
        body,
        csrf: request.headers.get('x-csrf-token'),
        language: request.headers.get('accept-language'),
      });
      if (body.login === 'locked')
        return json(
          { type: 'about:blank', title: 'x', status: 429, code: 'RATE_LIMITED', retryAfterSeconds: 896 },
          429,
          'application/problem+json',
        );
      if (body.password !== 'right-password') {
        return json(
          { type: 'about:blank', title: 'x', status: 401, code: 'INVALID_CREDENTIALS' },
          401,
          'application/problem+json',
        );
      }
      return json({
        user,
        csrfToken: 'signed-in-token',
        menu,
        abilities: [],
      } satisfies Session);
    }
    return json(
      { type: 'about:blank', title: 'x', status: 404, code: 'NOT_FOUND' },
      404,
      'application/problem+json',
    );
  };
  return { fetch, logins };
}

function renderLogin(user: SessionUser, menu = consoleMenu) {
  const server = fakeServer(user, menu);
  const api = createApi({ fetch: server.fetch, baseUrl: 'http://localhost', locale: () => 'zh-CN' });
  const router = createMemoryRouter(
    [
      { path: '/login', Component: LoginPage },
      { path: '/admin', element: <p>admin home</p> },
      { path: '/', element: <p>public home</p> },
      { path: '/firm', element: <p>firm page</p> },
      { path: '/account/password', element: <p>change password</p> },
    ],
    { initialEntries: ['/login'] },
  );
  const view = render(
    <ApiContext value={api}>
      <AppProviders>
        <RouterProvider router={router} />
      </AppProviders>
    </ApiContext>,
  );
  const signIn = (login: string, password: string) => {
    fireEvent.change(view.container.querySelector('#login') as HTMLInputElement, {
      target: { value: login },
    });
    fireEvent.change(view.container.querySelector('#password') as HTMLInputElement, {
      target: { value: password },
    });
    fireEvent.click(screen.getByTestId('login-submit'));
  };
  return { ...server, signIn };
}

describe('login page', () => {
  it('signs staff in with the CSRF token and language, then opens the console', async () => {
    const { logins, signIn } = renderLogin(staff);
    signIn('office', 'right-password');
    expect(await screen.findByText('admin home')).toBeTruthy();
    expect(logins).toEqual([
      { body: { login: 'office', password: 'right-password' }, csrf: 'anonymous-token', language: 'zh-CN' },
    ]);
  });

  it('sends a citizen to the public home page', async () => {
    const { signIn } = renderLogin({ ...staff, grants: [{ role: 'citizen', unitId: staff.id }] }, []);
    signIn('13800000000', 'right-password');
    expect(await screen.findByText('public home')).toBeTruthy();
  });

  it("sends a firm's staff to their firm's page", async () => {
    const { signIn } = renderLogin({ ...staff, grants: [{ role: 'enterprise', unitId: staff.id }] }, [
      { path: '/firm', label: 'business.menu.myFirm' },
    ]);
    signIn('firm1', 'right-password');
    expect(await screen.findByText('firm page')).toBeTruthy();
  });

  it('sends an account that must change its password to the password page', async () => {
    const { signIn } = renderLogin({ ...staff, mustChangePassword: true });
    signIn('office', 'right-password');
    expect(await screen.findByText('change password')).toBeTruthy();
  });

  it('shows the translated message of the problem code on a wrong password', async () => {
    const { signIn } = renderLogin(staff);
    signIn('office', 'wrong-password');
    expect(await screen.findByText('登录名或密码错误')).toBeTruthy();
    expect(screen.queryByText('admin home')).toBeNull();
  });

  it('asks for both fields before sending anything', async () => {
    const { logins } = renderLogin(staff);
    fireEvent.click(screen.getByTestId('login-submit'));
    expect(await screen.findByText('请输入登录名')).toBeTruthy();
    expect(logins).toEqual([]);
  });

  it('says when a locked account may try again', async () => {
    const { signIn } = renderLogin(staff);
    signIn('locked', 'right-password');
    expect(await screen.findByText('尝试次数过多，请在 15 分钟后再试')).toBeTruthy();
  });
});
