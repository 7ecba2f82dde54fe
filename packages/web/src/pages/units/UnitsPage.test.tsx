import '../../i18n';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../api/types';
import { id, json, notFound, renderRoute } from '../../test-support';
import { UnitsPage } from './UnitsPage';

const unit = (n: number, name: string, path: string, parent: number | null) => ({
  id: id(n),
  code: `U${n}`,
  name,
  kind: parent === null ? ('district' as const) : ('street' as const),
  parentId: parent === null ? null : id(parent),
  path,
  sort: n,
  isDemo: false,
});
const units = [
  unit(1, '黔江区', '/1/', null),
  unit(2, '城东街道', '/1/2/', 1),
  unit(3, '城西街道', '/1/3/', 1),
];

/** An admin of one street: the buttons follow the scopes the server sends, not the role's name. */
function renderPage(abilities: Session['abilities'], list: () => Response = () => json(units)) {
  const session: Session = {
    user: {
      id: id(9),
      login: 'street-admin',
      displayName: '街道管理员',
      mustChangePassword: false,
      grants: [{ role: 'admin', unitId: id(2) }],
    },
    csrfToken: 'token',
    menu: [{ path: '/admin/units', label: 'admin.menu.units' }],
    abilities,
  };
  const fetch = async (request: Request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/auth/session') return json(session);
    if (path === '/api/v1/units') return list();
    if (path === `/api/v1/units/${id(2)}` && request.method === 'DELETE')
      return json(
        {
          type: 'about:blank',
          title: 'Not allowed in the current state',
          status: 422,
          code: 'INVALID_STATE',
          errors: [
            { path: 'id', message: 'still referenced', code: 'unit_in_use', params: { value: '城东街道' } },
          ],
        },
        422,
      );
    return notFound();
  };
  renderRoute('/admin/units', UnitsPage, fetch);
}

const rowOf = async (name: string) => (await screen.findByText(name)).closest('tr') as HTMLElement;

describe('the units page', () => {
  it("offers edit and delete only inside the caller's scope", async () => {
    const street = ['/1/2/'];
    renderPage([
      { action: 'unit.create', scopes: street },
      { action: 'unit.update', scopes: street },
      { action: 'unit.delete', scopes: street },
    ]);
    const own = await rowOf('城东街道');
    // Each button is named by its verb and the unit of its row.
    expect(within(own).getByRole('button', { name: '编辑：城东街道' })).toBeTruthy();
    expect(within(own).getByRole('button', { name: '删除：城东街道' })).toBeTruthy();
    const other = await rowOf('城西街道');
    expect(within(other).queryByText('编辑')).toBeNull();
    expect(within(other).queryByText('删除')).toBeNull();
    // Import is a separate ability the server did not send.
    expect(screen.queryByText('导入 Excel')).toBeNull();
  });

  it('names each expand button by its unit, and says which way it turns', async () => {
    renderPage([]);
    const collapse = await screen.findByRole('button', { name: '收起：黔江区' });
    expect(collapse.getAttribute('aria-expanded')).toBe('true');
    // A unit with no units under it has nothing to expand, and no button.
    expect(screen.queryByRole('button', { name: /：城东街道$/ })).toBeNull();
    fireEvent.click(collapse);
    const expand = await screen.findByRole('button', { name: '展开：黔江区' });
    expect(expand.getAttribute('aria-expanded')).toBe('false');
    await waitFor(() => expect(screen.queryByText('城西街道')).toBeNull());
  });

  it('shows a reader no buttons that would answer 403', async () => {
    renderPage([]);
    await rowOf('城东街道');
    expect(screen.queryByTestId('unit-create')).toBeNull();
    expect(screen.queryByText('编辑')).toBeNull();
    expect(screen.queryByText('导入 Excel')).toBeNull();
  });

  it('says the units could not be loaded, never an empty table, and loads them on retry', async () => {
    let fail = true;
    renderPage([], () =>
      fail
        ? json({ type: 'about:blank', title: 'Internal', status: 500, code: 'INTERNAL' }, 500)
        : json(units),
    );
    expect(await screen.findByText('加载失败，请稍后重试')).toBeTruthy();
    expect(screen.queryByText('暂无数据')).toBeNull();
    fail = false;
    fireEvent.click(screen.getByTestId('load-retry'));
    expect(await screen.findByText('城东街道')).toBeTruthy();
    expect(screen.queryByText('加载失败，请稍后重试')).toBeNull();
  });

  it('says why a unit cannot be deleted, in the reader’s words', async () => {
    renderPage([{ action: 'unit.delete', scopes: ['/1/'] }]);
    fireEvent.click(within(await rowOf('城东街道')).getByText('删除'));
    // The rule is said before asking, as only the server knows who still names the unit.
    expect(
      await screen.findByText('仍有账号角色或业务记录使用的单位不能删除，请先改掉这些角色或记录。'),
    ).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: /确\s*定|OK/ }));
    expect(await screen.findByText(/“城东街道”仍被账号的角色或业务记录使用/)).toBeTruthy();
  });

  it('says before deleting that a unit has units below it, and does not offer to delete it', async () => {
    renderPage([{ action: 'unit.delete', scopes: ['/1/'] }]);
    fireEvent.click(within(await rowOf('黔江区')).getByText('删除'));
    expect(await screen.findByText('该单位有下级单位，需先删除或移走下级。')).toBeTruthy();
    const ok = screen.getByRole('button', { name: /确\s*定|OK/ }) as HTMLButtonElement;
    expect(ok.disabled).toBe(true);
  });
});
