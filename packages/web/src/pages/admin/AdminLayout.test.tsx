import '../../i18n';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { ApiContext } from '../../api/ApiContext';
import { createApi } from '../../api/client';
import type { Session } from '../../api/types';
import { AppProviders } from '../../components/AppProviders';
import { id, json, notFound } from '../../test-support';
import { NotFoundPage } from '../NotFoundPage';
import { AdminLayout } from './AdminLayout';

/** The office, whose menu has the overview and the accounts but not the audit log. */
const session: Session = {
  user: {
    id: id(9),
    login: 'office',
    displayName: '活动办',
    mustChangePassword: false,
    grants: [{ role: 'admin', unitId: id(1) }],
  },
  csrfToken: 'token',
  menu: [
    { path: '/admin', label: 'admin.menu.overview' },
    { path: '/admin/users', label: 'admin.menu.users' },
  ],
  abilities: [],
};

const Overview = () => <p>overview</p>;
const Users = () => <h3>账号管理</h3>;
const Audit = () => <p>audit page</p>;

/** The console's routes as the app has them: some pages, and the catch-all with its handle. */
function renderConsole(url: string, as: Session = session) {
  const fetch = async (request: Request) =>
    new URL(request.url).pathname === '/api/v1/auth/session' ? json(as) : notFound();
  const api = createApi({ fetch, baseUrl: 'http://localhost', locale: () => 'zh-CN' });
  const router = createMemoryRouter(
    [
      { path: '/', element: <p>public home</p> },
      {
        path: '/admin',
        Component: AdminLayout,
        children: [
          { index: true, Component: Overview },
          { path: 'users', Component: Users },
          { path: 'audit', Component: Audit },
          { path: '*', Component: NotFoundPage, handle: { notFound: true } },
        ],
      },
    ],
    { initialEntries: [url] },
  );
  render(
    <ApiContext value={api}>
      <AppProviders>
        <RouterProvider router={router} />
      </AppProviders>
    </ApiContext>,
  );
}

describe('the console frame', () => {
  it('says an address that is no console page is not found, not that the roles forbid it', async () => {
    renderConsole('/admin/nope');
    expect(await screen.findByText('页面不存在')).toBeTruthy();
    expect(screen.queryByText('无权访问')).toBeNull();
  });

  it('still says a page the roles do not reach is not allowed', async () => {
    renderConsole('/admin/audit');
    expect(await screen.findByText('无权访问')).toBeTruthy();
    expect(screen.queryByText('audit page')).toBeNull();
  });

  it('opens a page of the menu', async () => {
    renderConsole('/admin/users');
    expect(await screen.findByText('账号管理')).toBeTruthy();
  });

  it('names the tab after the page’s heading', async () => {
    renderConsole('/admin/users');
    await screen.findByRole('heading', { name: '账号管理' });
    await waitFor(() => expect(document.title).toBe('账号管理 - 黔行'));
  });

  it("tells a resident the console is staff's and leads to their own pages, without the console's frame", async () => {
    const resident: Session = {
      ...session,
      user: { ...session.user!, login: '13800001111', grants: [{ role: 'citizen', unitId: id(1) }] },
      menu: [{ path: '/inbox', label: 'common.inbox.title' }],
    };
    renderConsole('/admin', resident);
    expect(await screen.findByRole('heading', { name: '管理后台供区里工作人员使用' })).toBeTruthy();
    expect(screen.queryByTestId('admin-menu')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /去我的页面/ }));
    expect(await screen.findByText('public home')).toBeTruthy();
  });
});
