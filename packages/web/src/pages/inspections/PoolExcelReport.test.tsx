import '../../i18n';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { id, json, notFound, renderRoute, validationProblem } from '../../test-support';
import { InspectorsPage } from './InspectorsPage';
import { ItemsPage } from './ItemsPage';

/**
 * A refused import's report names each column as the sheet the office downloaded heads it (the
 * server sends that header, in the reader's language), with the row as the sheet numbers it.
 */
function renderPool(what: 'items' | 'inspectors', errors: Parameters<typeof validationProblem>[0]) {
  renderRoute(
    `/admin/inspections/${what}`,
    what === 'items' ? ItemsPage : InspectorsPage,
    async (request) => {
      const url = new URL(request.url);
      if (url.pathname === `/api/v1/inspections/${what}/import`) return validationProblem(errors);
      if (url.pathname === '/api/v1/auth/session')
        return json({
          user: { id: id(9), login: 'u', displayName: '区政务办', mustChangePassword: false, grants: [] },
          csrfToken: 'token',
          menu: [],
          abilities: [{ action: what === 'items' ? 'item.write' : 'inspector.write', scopes: ['/1/'] }],
        });
      if (url.pathname === '/api/v1/units') return json([]);
      if (url.pathname === `/api/v1/inspections/${what}`) return json({ items: [], total: 0 });
      return notFound();
    },
  );
}

async function importFile() {
  await screen.findByRole('button', { name: /导\s?入/ });
  const input = document.querySelector('input[type=file]') as HTMLInputElement;
  fireEvent.change(input, { target: { files: [new File(['x'], 'sheet.xlsx')] } });
  return within(await screen.findByRole('dialog'));
}

const cells = (row: HTMLElement) => [...row.querySelectorAll('td')].map((td) => td.textContent);

describe('an import’s report names columns as the template heads them', () => {
  it('the inspectors’ department, working days and conflicts columns', async () => {
    renderPool('inspectors', [
      {
        path: 'row 3.unit',
        message: 'no unit',
        code: 'unknown_unit',
        params: { value: '黔江不存在局', column: '所属部门' },
      },
      {
        path: 'row 4.conflicts',
        message: 'no firm',
        code: 'unknown_firm',
        params: { value: '915001', column: '回避企业（统一社会信用代码）' },
      },
      { path: 'row 5.workingDays', message: 'bad', code: 'invalid_format', params: { column: '工作日' } },
    ]);
    const dialog = await importFile();
    const rows = (await dialog.findAllByRole('row')).slice(1);
    expect(rows.map(cells)).toEqual([
      ['3', '所属部门', '找不到这个单位'],
      ['4', '回避企业（统一社会信用代码）', '没有这家企业'],
      ['5', '工作日', '格式不对'],
    ]);
  });

  it('the items’ department column and its minutes as the sheet heads them', async () => {
    renderPool('items', [
      { path: 'row 2.unit', message: 'no unit', code: 'unknown_unit', params: { column: '实施部门' } },
      {
        path: 'row 2.expectedMinutes',
        message: 'too big',
        code: 'too_big',
        params: { column: '预计用时（分钟）', maximum: 480, origin: 'number' },
      },
      { path: 'row 7.name', message: 'required', code: 'required', params: { column: '检查事项' } },
    ]);
    const dialog = await importFile();
    const rows = (await dialog.findAllByRole('row')).slice(1);
    expect(rows.map((r) => cells(r).slice(0, 2))).toEqual([
      ['2', '实施部门'],
      ['2', '预计用时（分钟）'],
      ['7', '检查事项'],
    ]);
  });
});
