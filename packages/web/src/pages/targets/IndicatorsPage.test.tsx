import '../../i18n';
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../api/types';
import { id, json, notFound, renderRoute, validationProblem } from '../../test-support';
import { IndicatorsPage } from './IndicatorsPage';

const session: Session = {
  user: {
    id: id(9),
    login: 'office',
    displayName: '区委办',
    mustChangePassword: false,
    grants: [{ role: 'admin', unitId: id(1) }],
  },
  csrfToken: 'token',
  menu: [{ path: '/admin/targets/indicators', label: 'targets.menu.indicators' }],
  abilities: [{ action: 'library.write', scopes: ['/1/'] }],
};

describe('the indicator library', () => {
  it('reports a refused import row by row, each with its row number and column', async () => {
    renderRoute('/admin/targets/indicators', IndicatorsPage, async (request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/auth/session') return json(session);
      if (path === '/api/v1/targets/indicators') return json({ items: [], total: 0 });
      if (path === '/api/v1/targets/indicators/import')
        return validationProblem([
          {
            path: 'row 3.direction',
            message: '找不到「越大越好」',
            code: 'unknown_choice',
            params: { value: '越大越好', column: '方向' },
          },
          {
            path: 'row 4.name',
            message: '至少 1 个字',
            code: 'too_small',
            params: { origin: 'string', minimum: 1, column: '指标名称' },
          },
        ]);
      return notFound();
    });
    await screen.findByRole('button', { name: '导入 Excel' });
    const picker = document.querySelector('input[type=file][accept=".xlsx"]') as HTMLInputElement;
    const file = new File(['PK'], 'indicators.xlsx', {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    fireEvent.change(picker, { target: { files: [file] } });
    const dialog = (await screen.findByText('导入未完成')).closest('.ant-modal')!;
    const rows = [...dialog.querySelectorAll('tr.ant-table-row')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent),
    );
    expect(rows).toEqual([
      ['3', '方向', '找不到「越大越好」'],
      ['4', '指标名称', '至少 1 个字'],
    ]);
  });
});
