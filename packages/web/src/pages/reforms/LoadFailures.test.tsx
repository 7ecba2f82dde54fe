import '../../i18n';
import { screen } from '@testing-library/react';
import type { ComponentType } from 'react';
import { describe, expect, it } from 'vitest';
import { id, json, renderRoute } from '../../test-support';
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

describe('the learning sessions in the console', () => {
  const session = (n: number, date: string) => ({
    id: id(n),
    title: `学习课堂${n}`,
    unitId: id(80),
    unitName: '区委改革办',
    form: 'online' as const,
    date,
    startTime: '15:00',
    endTime: '16:30',
    place: '',
    teacher: '',
    topic: '',
    attendeeCount: 0,
    attended: false,
  });
  it('offer to mark attendance from the session’s day only, as the server takes it', async () => {
    renderRoute('/admin/reforms/learning', SessionsTab, async (request: Request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token', menu: [] });
      return json({
        items: [session(81, '2999-01-15'), session(82, '2020-01-15')],
        actions: { create: false },
      });
    });
    expect(await screen.findByText('当天起可签到', {}, { timeout: 10_000 })).toBeTruthy();
    // The one button names the session it marks.
    expect(screen.getAllByRole('button', { name: /^我已参学/ })).toHaveLength(1);
    expect(screen.getByRole('button', { name: '我已参学：学习课堂82' })).toBeTruthy();
  });
});
