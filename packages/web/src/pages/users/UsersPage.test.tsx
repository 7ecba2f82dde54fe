import '../../i18n';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { User } from '../../api/types';
import { buttonNamed, openDialog } from '../../test-queries';
import { id, json, notFound, renderRoute } from '../../test-support';
import { UsersPage } from './UsersPage';

const account = (n: number, login: string, displayName: string, roles: User['roles']): User => ({
  id: id(n),
  login,
  displayName,
  phoneMasked: null,
  disabled: false,
  mustChangePassword: false,
  isDemo: false,
  roles,
  createdAt: '2026-11-01T02:00:00.000Z',
});

const district = {
  id: id(1),
  code: 'QJ',
  name: '黔江区',
  kind: 'district',
  parentId: null,
  path: '/1/',
  sort: 0,
  isDemo: false,
};
const screener = account(2, 'li.screener', '李筛选', [
  { role: 'screener', unitId: id(1), unitName: '黔江区' },
]);

function renderPage() {
  const queries: string[] = [];
  const created: unknown[] = [];
  const roleSaves: unknown[] = [];
  const fetch = async (request: Request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/units') return json([district]);
    if (url.pathname === '/api/v1/users' && request.method === 'GET') {
      queries.push(url.searchParams.get('q') ?? '');
      const q = url.searchParams.get('q');
      const items = q === 'new.one' ? [account(3, 'new.one', '新同事', [])] : [screener];
      return json({ items, total: items.length, page: 1, pageSize: 20 });
    }
    if (url.pathname === '/api/v1/users' && request.method === 'POST') {
      const body = (await request.json()) as { login: string; displayName: string; password?: string };
      created.push(body);
      const initialPassword = body.password ? null : 'first-pass-0001';
      return json({ user: account(3, body.login, body.displayName, []), initialPassword }, 201);
    }
    if (url.pathname === `/api/v1/users/${id(2)}/reset-password` && request.method === 'POST')
      return json({ password: 'reset-pass-0002' });
    if (url.pathname === `/api/v1/users/${id(2)}/roles` && request.method === 'PUT') {
      roleSaves.push(await request.json());
      return json(screener);
    }
    return notFound();
  };
  renderRoute('/admin/users', UsersPage, fetch);
  return { queries, created, roleSaves };
}

const dialog = () => within(openDialog());

// Modals, selects and confirmations in jsdom are slow on a busy machine: room beyond the default.
describe('the users page', { timeout: 30_000 }, () => {
  it('opens the New user form empty after Cancel, not with what was typed before', async () => {
    renderPage();
    fireEvent.click(await screen.findByTestId('user-create'));
    fireEvent.change(await dialog().findByLabelText('登录名'), { target: { value: 'half.typed' } });
    fireEvent.change(dialog().getByLabelText('手机号'), { target: { value: '123' } });
    expect(await dialog().findByText('请输入 11 位中国大陆手机号')).toBeTruthy();
    fireEvent.click(buttonNamed(openDialog(), /取\s*消/));
    // jsdom never ends antd's closing animation: the modal is seen leaving, then opened again.
    await waitFor(() => expect(document.querySelector('.ant-modal.ant-zoom-leave')).toBeTruthy());
    fireEvent.click(screen.getByTestId('user-create'));
    expect(((await dialog().findByLabelText('登录名')) as HTMLInputElement).value).toBe('');
    expect((dialog().getByLabelText('手机号') as HTMLInputElement).value).toBe('');
    expect(dialog().queryByText('请输入 11 位中国大陆手机号')).toBeNull();
  });

  it('opens the invitation form empty after Cancel', async () => {
    renderPage();
    fireEvent.click(await screen.findByTestId('user-invite'));
    fireEvent.change(await dialog().findByLabelText('姓名'), { target: { value: '王某' } });
    fireEvent.click(buttonNamed(openDialog(), /取\s*消/));
    await waitFor(() => expect(document.querySelector('.ant-modal.ant-zoom-leave')).toBeTruthy());
    fireEvent.click(screen.getByTestId('user-invite'));
    expect(((await dialog().findByLabelText('姓名')) as HTMLInputElement).value).toBe('');
  });

  it('says an account with a typed password was made, and shows it in the list', async () => {
    const { queries, created } = renderPage();
    fireEvent.click(await screen.findByTestId('user-create'));
    fireEvent.change(await dialog().findByLabelText('登录名'), { target: { value: 'new.one' } });
    fireEvent.change(dialog().getByLabelText('姓名'), { target: { value: '新同事' } });
    fireEvent.change(dialog().getByLabelText('初始密码'), { target: { value: 'a-long-password-1' } });
    fireEvent.click(buttonNamed(openDialog(), '移除此角色'));
    fireEvent.click(screen.getByTestId('user-create-submit'));
    expect(await screen.findByText('已创建账号 new.one，列表已筛选到该账号')).toBeTruthy();
    expect(created).toHaveLength(1);
    expect(await screen.findByText('新同事')).toBeTruthy();
    expect(queries.at(-1)).toBe('new.one');
    expect((screen.getByLabelText('登录名、姓名或手机号') as HTMLInputElement).value).toBe('new.one');
  });

  it('says the roles were saved', async () => {
    const { roleSaves } = renderPage();
    const row = (await screen.findByText('李筛选')).closest('tr') as HTMLElement;
    fireEvent.click(buttonNamed(row, '角色：李筛选'));
    await dialog().findByText('编辑角色：李筛选');
    fireEvent.click(buttonNamed(openDialog(), /确\s*定|OK/));
    expect(await screen.findByText('已保存')).toBeTruthy();
    expect(roleSaves).toEqual([{ roles: [{ role: 'screener', unitId: id(1) }] }]);
  });

  it('asks before saving an account with no role left, and saves nothing until confirmed', async () => {
    const { roleSaves } = renderPage();
    const row = (await screen.findByText('李筛选')).closest('tr') as HTMLElement;
    fireEvent.click(buttonNamed(row, '角色：李筛选'));
    await dialog().findByText('编辑角色：李筛选');
    fireEvent.click(buttonNamed(openDialog(), '移除此角色'));
    fireEvent.click(buttonNamed(openDialog(), /确\s*定|OK/));
    expect((await screen.findAllByText('确定让 李筛选 不再有任何角色？')).length).toBeGreaterThan(0);
    expect(roleSaves).toEqual([]);
    fireEvent.click(buttonNamed(document.body, '仍然保存'));
    await waitFor(() => expect(roleSaves).toEqual([{ roles: [] }]));
    expect(await screen.findByText('已保存')).toBeTruthy();
  });

  it('keeps the search box’s placeholder short, and says how a phone may be typed beside it', async () => {
    renderPage();
    const search = (await screen.findByLabelText('登录名、姓名或手机号')) as HTMLInputElement;
    expect(search.placeholder).toBe('登录名、姓名或手机号');
    const help = document.getElementById(search.getAttribute('aria-describedby')!)!;
    expect(help.textContent).toBe('手机号可输入完整号码或后四位');
  });

  const shown = () => within(screen.getByTestId('initial-password').closest('.ant-modal') as HTMLElement);

  it('titles the password a reset made New password', async () => {
    renderPage();
    const row = (await screen.findByText('李筛选')).closest('tr') as HTMLElement;
    // Each of the row's buttons names the account it acts on.
    fireEvent.click(buttonNamed(row, '重置密码：李筛选'));
    fireEvent.click(await waitFor(() => buttonNamed(document.body, /确\s*定|OK/)));
    expect((await screen.findByTestId('initial-password')).textContent).toBe('reset-pass-0002');
    expect(shown().getByText('新密码')).toBeTruthy();
    expect(shown().queryByText('初始密码')).toBeNull();
  });

  it('titles a new account’s first password Initial password', async () => {
    renderPage();
    fireEvent.click(await screen.findByTestId('user-create'));
    fireEvent.change(await dialog().findByLabelText('登录名'), { target: { value: 'new.one' } });
    fireEvent.change(dialog().getByLabelText('姓名'), { target: { value: '新同事' } });
    fireEvent.click(buttonNamed(openDialog(), '移除此角色'));
    fireEvent.click(screen.getByTestId('user-create-submit'));
    expect((await screen.findByTestId('initial-password')).textContent).toBe('first-pass-0001');
    expect(shown().getByText('初始密码')).toBeTruthy();
    expect(shown().queryByText('新密码')).toBeNull();
  });
});
