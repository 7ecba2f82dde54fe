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
function fakeServer(user: SessionUser, menu: Session['menu'], signedIn: boolean) {
  const logins: { body: unknown; csrf: string | null; language: string | null }[] = [];
  const fetch = async (request: Request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/auth/session')
      return json(
        (signedIn
          ? { user, csrfToken: 'signed-in-token', menu, abilities: [] }
          : { user: null, csrfToken: 'anonymous-token', menu: [], abilities: [] }) satisfies Session,
      );
    if (path === '/api/v1/auth/logout' && request.method === 'POST') {
      signedIn = false;
      return new Response(null, { status: 204 });
    }
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

function renderLogin(user: SessionUser, menu = consoleMenu, { signedIn = false, at = '/login' } = {}) {
  const server = fakeServer(user, menu, signedIn);
  const api = createApi({ fetch: server.fetch, baseUrl: 'http://localhost', locale: () => 'zh-CN' });
  const router = createMemoryRouter(
    [
      { path: '/login', Component: LoginPage },
      { path: '/admin', element: <p>admin home</p> },
      { path: '/', element: <p>public home</p> },
      { path: '/firm', element: <p>firm page</p> },
      { path: '/account/password', element: <p>change password</p> },
      { path: '/ideas/track', element: <p>tracking page</p> },
    ],
    { initialEntries: [at] },
  );
  const view = render(
    <ApiContext value={api}>
      <AppProviders>
        <RouterProvider router={router} />
      </AppProviders>
    </ApiContext>,
  );
  // The form shows once the session is known to be no one's.
  const signIn = async (login: string, password: string) => {
    await screen.findByTestId('login-submit');
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
    await signIn('office', 'right-password');
    expect(await screen.findByText('admin home')).toBeTruthy();
    expect(logins).toEqual([
      { body: { login: 'office', password: 'right-password' }, csrf: 'anonymous-token', language: 'zh-CN' },
    ]);
  });

  it('sends a citizen to the public home page', async () => {
    const { signIn } = renderLogin({ ...staff, grants: [{ role: 'citizen', unitId: staff.id }] }, []);
    await signIn('13800000000', 'right-password');
    expect(await screen.findByText('public home')).toBeTruthy();
  });

  it("sends a firm's staff to their firm's page", async () => {
    const { signIn } = renderLogin({ ...staff, grants: [{ role: 'enterprise', unitId: staff.id }] }, [
      { path: '/firm', label: 'business.menu.myFirm' },
    ]);
    await signIn('firm1', 'right-password');
    expect(await screen.findByText('firm page')).toBeTruthy();
  });

  it('sends an account that must change its password to the password page', async () => {
    const { signIn } = renderLogin({ ...staff, mustChangePassword: true });
    await signIn('office', 'right-password');
    expect(await screen.findByText('change password')).toBeTruthy();
  });

  it('shows the translated message of the problem code on a wrong password', async () => {
    const { signIn } = renderLogin(staff);
    await signIn('office', 'wrong-password');
    expect(await screen.findByText('登录名或密码错误')).toBeTruthy();
    expect(screen.queryByText('admin home')).toBeNull();
  });

  it('asks for both fields before sending anything', async () => {
    const { logins } = renderLogin(staff);
    fireEvent.click(await screen.findByTestId('login-submit'));
    expect(await screen.findByText('请输入登录名')).toBeTruthy();
    expect(logins).toEqual([]);
  });

  it('says when a locked account may try again', async () => {
    const { signIn } = renderLogin(staff);
    await signIn('locked', 'right-password');
    expect(await screen.findByText('尝试次数过多，请在 15 分钟后再试')).toBeTruthy();
  });

  it('shows someone signed in who they are, and the way on or to another account, not the form', async () => {
    renderLogin(staff, consoleMenu, { signedIn: true, at: '/login?next=%2Fideas%2Ftrack' });
    expect((await screen.findByTestId('signed-in-as')).textContent).toBe('您已登录为 活动办。');
    expect(document.querySelector('#password')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /^继 ?续$/ }));
    expect(await screen.findByText('tracking page')).toBeTruthy();
  });

  it('signs out on request and then shows the form', async () => {
    renderLogin(staff, consoleMenu, { signedIn: true });
    fireEvent.click(await screen.findByRole('button', { name: '退出并换个账号' }));
    expect(await screen.findByTestId('login-submit')).toBeTruthy();
    expect(screen.queryByTestId('signed-in-as')).toBeNull();
  });
});
