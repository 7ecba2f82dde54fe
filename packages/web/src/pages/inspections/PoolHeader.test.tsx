import '../../i18n';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { id, json, notFound, renderRoute } from '../../test-support';
import { InspectorsPage } from './InspectorsPage';
import { ItemsPage } from './ItemsPage';

type Abilities = Array<{ action: string; scopes: string[] }>;

/** A pool page over a fake API, signed in with these abilities (a supervisor has none). */
function renderPool(what: 'items' | 'inspectors', abilities: Abilities) {
  const fetch = async (request: Request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/auth/session')
      return json({
        user: { id: id(9), login: 'u', displayName: '区纪委监委', mustChangePassword: false, grants: [] },
        csrfToken: 'token',
        menu: [],
        abilities,
      });
    if (url.pathname === '/api/v1/units') return json([]);
    if (url.pathname === `/api/v1/inspections/${what}`) return json({ items: [], total: 0 });
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
});
