import '../../i18n';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { id, json, notFound, renderRoute, validationProblem } from '../../test-support';
import { InspectorsPage } from './InspectorsPage';
import { ItemsPage } from './ItemsPage';

type Abilities = Array<{ action: string; scopes: string[] }>;

const unit = (n: number, name: string) => ({
  id: id(n),
  code: `D${n}`,
  name,
  kind: 'department',
  parentId: id(1),
  path: `/1/${n}/`,
  sort: n,
  isDemo: false,
});
const units = [unit(2, '区应急管理局'), unit(3, '区生态环境局')];
const named = (n: number) => ({ id: units[n]!.id, name: units[n]!.name });
const rows = {
  items: [0, 1].map((n) => ({
    id: id(20 + n),
    unit: named(n),
    code: `QJJC-${n}`,
    name: `${units[n]!.name}的事项`,
    legalBasis: '《条例》',
    qualification: null,
    expectedMinutes: 30,
    isDemo: false,
  })),
  inspectors: [0, 1].map((n) => ({
    id: id(30 + n),
    userId: id(40 + n),
    name: `${units[n]!.name}的人员`,
    login: `inspector.${n}`,
    unit: named(n),
    qualifications: [],
    workingDays: [1, 2, 3, 4, 5],
    conflicts: [],
    active: true,
    isDemo: false,
  })),
};

/** A pool page over a fake API, signed in with these abilities (a supervisor has none). */
function renderPool(what: 'items' | 'inspectors', abilities: Abilities, withRows = false) {
  const fetch = async (request: Request) => {
    const url = new URL(request.url);
    if (url.pathname === `/api/v1/inspections/${what}/import`)
      return validationProblem([{ path: 'file', message: 'not xlsx', code: 'not_xlsx' }]);
    if (url.pathname === '/api/v1/auth/session')
      return json({
        user: { id: id(9), login: 'u', displayName: '区纪委监委', mustChangePassword: false, grants: [] },
        csrfToken: 'token',
        menu: [],
        abilities,
      });
    if (url.pathname === '/api/v1/units') return json(withRows ? units : []);
    if (url.pathname === `/api/v1/inspections/${what}`)
      return withRows ? json({ items: rows[what], total: 2 }) : json({ items: [], total: 0 });
    return notFound();
  };
  renderRoute(`/admin/inspections/${what}`, what === 'items' ? ItemsPage : InspectorsPage, fetch);
}

describe('a pool page’s buttons follow what the server lets the reader do', () => {
  it.each(['items', 'inspectors'] as const)('shows a supervisor the %s export only', async (what) => {
    renderPool(what, []);
    await screen.findByRole('button', { name: /导\s?出/ });
    expect(screen.queryByRole('button', { name: '下载模板' })).toBeNull();
    expect(screen.queryByRole('button', { name: /导\s?入/ })).toBeNull();
    expect(
      screen.queryByRole('button', { name: what === 'items' ? '新增检查事项' : '新增检查人员' }),
    ).toBeNull();
  });

  it.each([
    ['items', 'item.write'],
    ['inspectors', 'inspector.write'],
  ] as const)('shows a keeper of the %s the new, template and import buttons', async (what, action) => {
    renderPool(what, [{ action, scopes: ['/1/'] }]);
    await screen.findByRole('button', { name: /导\s?入/ });
    expect(screen.getByRole('button', { name: '下载模板' })).toBeTruthy();
    expect(
      screen.getByRole('button', { name: what === 'items' ? '新增检查事项' : '新增检查人员' }),
    ).toBeTruthy();
  });

  const rowOf = async (name: string) => (await screen.findByText(name)).closest('tr') as HTMLElement;

  it.each(['items', 'inspectors'] as const)(
    'offers a supervisor no edit or delete on any %s row',
    async (what) => {
      renderPool(what, [], true);
      for (const n of [0, 1]) {
        const row = await rowOf(rows[what][n]!.name);
        expect(within(row).queryByRole('button', { name: /编\s?辑/ })).toBeNull();
        expect(within(row).queryByRole('button', { name: /删\s?除/ })).toBeNull();
      }
    },
  );

  it.each([
    ['items', 'item.write'],
    ['inspectors', 'inspector.write'],
  ] as const)('offers a department’s staff the edits of its own %s rows only', async (what, action) => {
    renderPool(what, [{ action, scopes: [units[0]!.path] }], true);
    const own = await rowOf(rows[what][0]!.name);
    // Each button is named by its verb and the row's item or inspector.
    await within(own).findByRole('button', { name: `编辑：${rows[what][0]!.name}` });
    if (what === 'items')
      expect(within(own).getByRole('button', { name: `删除：${rows[what][0]!.name}` })).toBeTruthy();
    const other = await rowOf(rows[what][1]!.name);
    expect(within(other).queryByRole('button', { name: /编\s?辑/ })).toBeNull();
    expect(within(other).queryByRole('button', { name: /删\s?除/ })).toBeNull();
  });

  it('names a whole file’s problem in words, not by the server’s field', async () => {
    renderPool('items', [{ action: 'item.write', scopes: ['/1/'] }]);
    await screen.findByRole('button', { name: /导\s?入/ });
    const input = document.querySelector('input[type=file]') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File(['x'], 'items.xlsx')] } });
    const dialog = await screen.findByRole('dialog');
    const row = (await within(dialog).findByText('不是 Excel（.xlsx）文件')).closest('tr')!;
    expect(within(row).getByText('文件')).toBeTruthy();
    expect(within(dialog).queryByText('file')).toBeNull();
  });
});
