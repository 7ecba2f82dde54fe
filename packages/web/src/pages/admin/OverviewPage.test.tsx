import '../../i18n';
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../api/types';
import { id, json, notFound, renderRoute } from '../../test-support';
import { OverviewPage } from './OverviewPage';

/** An admin; whether the accounts chart shows is up to the menu the server sends, not the role. */
const session = (menu: Session['menu']): Session => ({
  user: {
    id: id(9),
    login: 'office',
    displayName: '活动办',
    mustChangePassword: false,
    grants: [{ role: 'admin', unitId: id(2) }],
  },
  csrfToken: 'token',
  menu,
  abilities: [],
});

const nothing = { items: [] };

const failure = () => json({ type: 'about:blank', title: 'Internal', status: 500, code: 'INTERNAL' }, 500);

function renderPage(
  menu: Session['menu'],
  waiting: () => Promise<Response> = async () => json(nothing),
  units: () => Promise<Response> = async () => json([]),
) {
  const fetch = async (request: Request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/auth/session') return json(session(menu));
    if (path === '/api/v1/me/waiting') return waiting();
    if (path === '/api/v1/units') return units();
    if (path === '/api/v1/users') return json({ items: [], total: 2, page: 1, pageSize: 1 });
    return notFound();
  };
  renderRoute('/admin', OverviewPage, fetch);
}

describe('the console overview', () => {
  it('shows the accounts per role to someone the server offers the accounts list', async () => {
    renderPage([
      { path: '/admin', label: 'admin.menu.overview' },
      { path: '/admin/users', label: 'admin.menu.users' },
    ]);
    expect(await screen.findByText('各角色账号数')).toBeTruthy();
  });

  it('leaves the chart out when the menu has no accounts list, whatever the role', async () => {
    renderPage([{ path: '/admin', label: 'admin.menu.overview' }]);
    expect((await screen.findAllByText('活动办')).length).toBeGreaterThan(0);
    expect(screen.queryByText('各角色账号数')).toBeNull();
  });

  it('lists the work waiting by its name, with the count, the overdue and a link to its page', async () => {
    renderPage([{ path: '/admin', label: 'admin.menu.overview' }], async () =>
      json({
        items: [
          { module: 'ideas', key: 'toScreen', count: 14, path: '/admin/ideas/screening' },
          { module: 'business', key: 'toAnswer', count: 3, overdue: 1, path: '/admin/business/requests' },
        ],
      }),
    );
    const screening = await screen.findByRole('link', { name: '待筛选的建议' });
    expect(screening.getAttribute('href')).toBe('/admin/ideas/screening');
    expect(screen.getByText('14')).toBeTruthy();
    expect(screen.getByRole('link', { name: '待答复的企业诉求' })).toBeTruthy();
    expect(screen.getByText('1 件已超期')).toBeTruthy();
  });

  it('says nothing waits only once the answer is in, never while it loads', async () => {
    // The page may ask more than once (again once the session is in): every question asked before
    // the answer is held, and all of them get it, as do any asked after.
    const held: Array<(r: Response) => void> = [];
    let answered = false;
    renderPage([{ path: '/admin', label: 'admin.menu.overview' }], () =>
      answered ? Promise.resolve(json(nothing)) : new Promise<Response>((resolve) => held.push(resolve)),
    );
    expect((await screen.findAllByText('活动办')).length).toBeGreaterThan(0);
    expect(screen.queryByText('目前没有等您处理的工作')).toBeNull();
    answered = true;
    for (const resolve of held) resolve(json(nothing));
    expect(await screen.findByText('目前没有等您处理的工作')).toBeTruthy();
  });

  it('says the waiting work could not be loaded, and loads it again on retry', async () => {
    let fail = true;
    renderPage([{ path: '/admin', label: 'admin.menu.overview' }], async () =>
      fail
        ? failure()
        : json({ items: [{ module: 'ideas', key: 'toScreen', count: 2, path: '/admin/ideas/screening' }] }),
    );
    expect(await screen.findByText('待办数据加载失败')).toBeTruthy();
    expect(screen.queryByText('目前没有等您处理的工作')).toBeNull();
    fail = false;
    fireEvent.click(screen.getByTestId('load-retry'));
    expect(await screen.findByRole('link', { name: '待筛选的建议' })).toBeTruthy();
    expect(screen.queryByText('待办数据加载失败')).toBeNull();
  });

  it('says the scope could not be loaded rather than showing a dash', async () => {
    renderPage([{ path: '/admin', label: 'admin.menu.overview' }], undefined, async () => failure());
    expect(await screen.findByText('范围：所在单位未能加载，请刷新重试')).toBeTruthy();
    expect(screen.queryByText(/范围：—/)).toBeNull();
  });
});
