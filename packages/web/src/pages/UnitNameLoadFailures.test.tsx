import '../i18n';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  id,
  json,
  notFound,
  officeSession,
  renderRoute,
  sampleFirm,
  sampleTown,
  unavailable,
} from '../test-support';
import { FirmsPage } from './business/FirmsPage';
import { InspectorsPage } from './inspections/InspectorsPage';
import { ItemsPage } from './inspections/ItemsPage';

/**
 * A fake API whose units cannot be given until `units.up` is set (a server fault or a lost
 * network); everything else the page asks answers throughout. Signed in with these abilities.
 */
function serve(
  url: string,
  Page: Parameters<typeof renderRoute>[1],
  unitList: unknown[],
  answers: Record<string, () => unknown>,
  abilities: Array<{ action: string; scopes: string[] }> = [],
) {
  const units = { up: false };
  const fetch = async (request: Request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/auth/session') return json({ ...officeSession, abilities });
    if (path === '/api/v1/units') return units.up ? json(unitList) : unavailable();
    const answer = answers[path];
    return answer ? json(answer()) : notFound();
  };
  renderRoute(url, Page, fetch);
  return units;
}

const department = {
  id: id(2),
  code: 'D2',
  name: '区应急管理局',
  kind: 'department',
  parentId: id(1),
  path: `/1/2/`,
  sort: 2,
  isDemo: false,
};
const unit = { id: department.id, name: department.name };
const item = {
  id: id(20),
  unit,
  code: 'QJJC-1',
  name: '危化品仓储检查',
  legalBasis: '《条例》',
  qualification: null,
  expectedMinutes: 30,
  isDemo: false,
};
const inspector = {
  id: id(30),
  userId: id(40),
  name: '李检查',
  login: 'inspector.1',
  unit,
  qualifications: [],
  workingDays: [1],
  conflicts: [],
  active: true,
  isDemo: false,
};

describe('a pool page whose departments fail to load', () => {
  it.each([
    ['items', ItemsPage, 'item.write', item],
    ['inspectors', InspectorsPage, 'inspector.write', inspector],
  ] as const)(
    'says why its %s cannot be edited, with a retry, and offers the edits after it',
    async (what, Page, action, row) => {
      const units = serve(
        `/admin/inspections/${what}`,
        Page,
        [department],
        { [`/api/v1/inspections/${what}`]: () => ({ items: [row], total: 1 }) },
        [{ action, scopes: [department.path] }],
      );
      const tr = (await screen.findByText(row.name)).closest('tr') as HTMLElement;
      const alert = (await screen.findByText('部门未能加载，暂时无法编辑或新增：请稍后重试')).closest(
        '[role=alert]',
      ) as HTMLElement;
      expect(within(tr).queryByRole('button', { name: /编\s?辑/ })).toBeNull();
      units.up = true;
      fireEvent.click(within(alert).getByTestId('load-retry'));
      expect(await within(tr).findByRole('button', { name: /编\s?辑/ })).toBeTruthy();
      expect(screen.queryByText('部门未能加载，暂时无法编辑或新增：请稍后重试')).toBeNull();
    },
  );
});

describe('the firm form whose towns fail to load', () => {
  const otherTown = { ...sampleTown, id: id(7), code: 'QJ-S02', name: '城西街道' };
  const firm = sampleFirm();

  it('says so at its town picker, names the firm’s town not its id, and offers the towns after a retry', async () => {
    const units = serve('/admin/business/firms', FirmsPage, [sampleTown, otherTown], {
      '/api/v1/business/industries': () => [
        { code: 'C', name: '制造业', nameEn: 'Manufacturing', sort: 3, active: true },
      ],
      '/api/v1/business/firms': () => ({ total: 1, items: [firm], actions: { create: true, import: false } }),
      [`/api/v1/business/firms/${firm.id}`]: () => firm,
    });
    const row = (await screen.findByText(firm.name)).closest('tr') as HTMLElement;
    fireEvent.click(within(row).getByRole('button', { name: /编\s?辑/ }));
    const dialog = within(await screen.findByRole('dialog'));
    expect(await dialog.findByText('加载失败，请稍后重试')).toBeTruthy();
    await waitFor(() => expect(dialog.getByTitle(sampleTown.name)).toBeTruthy());
    expect(screen.getByRole('dialog').textContent).not.toContain(sampleTown.id);
    units.up = true;
    fireEvent.click(dialog.getByTestId('load-retry'));
    await waitFor(() => expect(dialog.queryByTestId('load-retry')).toBeNull());
    fireEvent.mouseDown(dialog.getByLabelText('所在镇街'));
    await waitFor(() =>
      expect(document.querySelector(`.ant-select-item-option[title="${otherTown.name}"]`)).toBeTruthy(),
    );
  });
});
