import '../../i18n';
import { screen } from '@testing-library/react';
import type { ComponentType } from 'react';
import { describe, expect, it } from 'vitest';
import { json, renderRoute } from '../../test-support';
import { BattlesPage } from './BattlesPage';
import { CasesPage } from './CasesPage';
import { LedgerPage } from './LedgerPage';
import { ListsPage } from './ListsPage';
import { SessionsTab } from './learning/SessionsTab';
import { VisitsTab } from './learning/VisitsTab';
import { ReportsPage } from './ReportsPage';

/** A server that answers the session and fails everything else, as a server fault or a lost network would. */
const failing = async (request: Request) => {
  const path = new URL(request.url).pathname;
  if (path === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token', menu: [] });
  return json({ type: 'about:blank', title: 'Internal', status: 500, code: 'INTERNAL' }, 500);
};

const pages: Array<[string, ComponentType]> = [
  ['the ledger', LedgerPage],
  ['the monthly reports', ReportsPage],
  ['the key battles', BattlesPage],
  ['the cases', CasesPage],
  ['the lists', ListsPage],
  ['the study visits', VisitsTab],
  ['the learning sessions', SessionsTab],
];

describe('a reform console list whose load failed says so with a retry, never as "no data"', () => {
  it.each(pages)('%s', async (_, Page) => {
    renderRoute('/admin/reforms/page', Page, failing);
    expect(await screen.findByTestId('load-retry', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.queryByText('暂无数据')).toBeNull();
  });
});

describe('the reform cases in the console', () => {
  it('says, when there are none to read, whose cases it lists and where the published ones are', async () => {
    renderRoute('/admin/reforms/cases', CasesPage, async (request: Request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token', menu: [] });
      return json({ items: [], actions: { create: false } });
    });
    expect(await screen.findByText(/这里列出您所在单位牵头项目的案例/, {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByRole('link', { name: '查看已发布的案例库' }).getAttribute('href')).toBe(
      '/reforms/cases',
    );
  });
});
