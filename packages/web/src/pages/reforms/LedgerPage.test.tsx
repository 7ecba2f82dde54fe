import '../../i18n';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { id, json, notFound, renderRoute } from '../../test-support';
import { LedgerPage } from './LedgerPage';
import type { ReformProjectSummary } from './shared';

const pilot: ReformProjectSummary = {
  id: id(10),
  code: 'QJGG-A009',
  name: '稳慎推进农村宅基地制度改革',
  listId: id(2),
  listName: '全量化承接国家和市级部署',
  source: 'national',
  leadUnitId: id(3),
  leadUnitName: '区规划自然资源局',
  startDate: '2025-01-01',
  endDate: '2027-12-31',
  pilotLevel: 'municipal',
  pilotStatus: 'underway',
  milestones: 8,
  milestonesDone: 7,
  progress: 0.882,
  status: 'behind',
  overdueMilestones: 1,
  isDemo: false,
};

describe('the reform ledger', () => {
  it('names a pilot stage as the pilot’s, apart from the project’s progress', async () => {
    renderRoute('/admin/reforms/projects', LedgerPage, async (request: Request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token', menu: [] });
      if (path === '/api/v1/reforms/lists') return json([]);
      if (path === '/api/v1/reforms/projects') return json({ total: 1, items: [pilot] });
      return notFound();
    });
    expect(await screen.findByText('市级试点 · 推进中', {}, { timeout: 10_000 })).toBeTruthy();
  });

  it('exports the projects the filters show: the workbook is asked with the page’s filters', async () => {
    const exported: URLSearchParams[] = [];
    renderRoute('/admin/reforms/projects', LedgerPage, async (request: Request) => {
      const url = new URL(request.url);
      if (url.pathname === '/api/v1/reforms/projects/export') {
        exported.push(url.searchParams);
        return new Response('xlsx', { headers: { 'content-type': 'application/octet-stream' } });
      }
      if (url.pathname === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token', menu: [] });
      if (url.pathname === '/api/v1/reforms/lists') return json([]);
      if (url.pathname === '/api/v1/reforms/projects') return json({ total: 1, items: [pilot] });
      return notFound();
    });
    await screen.findByText('市级试点 · 推进中', {}, { timeout: 10_000 });
    const search = screen.getByRole('searchbox', { name: '搜索项目名称或编号' });
    fireEvent.change(search, { target: { value: '宅基地' } });
    fireEvent.keyDown(search, { key: 'Enter', code: 'Enter', keyCode: 13 });
    fireEvent.click(screen.getByTestId('reforms-export'));
    await waitFor(() => expect(exported).toHaveLength(1));
    expect(Object.fromEntries(exported[0]!)).toEqual({ q: '宅基地' });
  });
});
