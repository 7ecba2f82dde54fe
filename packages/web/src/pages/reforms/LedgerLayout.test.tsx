import '../../i18n';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { id, json, notFound, renderRoute } from '../../test-support';
import { LedgerPage, widths } from './LedgerPage';
import type { ReformProjectSummary } from './shared';

const project: ReformProjectSummary = {
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

// The console's content area beside the menu in a 1366-wide window: 1366 − 200 (menu) − 2 × 24 (padding).
const contentAt1366 = 1366 - 200 - 48;

describe('the reform ledger’s layout', () => {
  it('fits a 1366-wide window: fixed column widths within the content area, code and name held at the left, scrolling inside the table', async () => {
    renderRoute('/admin/reforms/projects', LedgerPage, async (request: Request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token', menu: [] });
      if (path === '/api/v1/reforms/lists') return json([]);
      if (path === '/api/v1/reforms/projects') return json({ total: 1, items: [project] });
      return notFound();
    });
    await screen.findByText('稳慎推进农村宅基地制度改革', {}, { timeout: 10_000 });
    const table = document.querySelector<HTMLTableElement>('.ant-table table')!;
    expect(table.style.tableLayout).toBe('fixed');
    const total = Object.values(widths).reduce((a, b) => a + b, 0);
    expect(total).toBeLessThanOrEqual(contentAt1366);
    // Every column has its width, so no long name widens the table past the window.
    const cols = [...table.querySelectorAll('colgroup col')].map((c) => (c as HTMLElement).style.width);
    expect(cols).toEqual(Object.values(widths).map((w) => `${w}px`));
    expect(table.style.width).toBe(`${total}px`);
    // The code and the name stay in view when the table scrolls sideways.
    const fixed = [...document.querySelectorAll('.ant-table-thead th')]
      .filter((th) => /ant-table-cell-fix-(left|start)/.test(th.className))
      .map((th) => th.textContent);
    expect(fixed).toEqual(['编号', '改革项目']);
    // A long list name is cut with an ellipsis, the whole name on hover.
    const list = screen.getByText('全量化承接国家和市级部署');
    expect(list.closest('td')!.className).toMatch(/ant-table-cell-ellipsis/);
  });
});
