import '../../i18n';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../api/types';
import { id, json, notFound, renderRoute } from '../../test-support';
import { ReportsPage } from './ReportsPage';
import { type PlanSummary, recentQuarters } from './shared';

/** A unit's staff: they start their unit's report once its plan is approved. */
const session: Session = {
  user: {
    id: id(9),
    login: 'dept',
    displayName: '经办人',
    mustChangePassword: false,
    grants: [{ role: 'department_staff', unitId: id(3) }],
  },
  csrfToken: 'token',
  menu: [{ path: '/admin/targets/reports', label: 'targets.menu.reports' }],
  abilities: [],
};

// The page opens on the last quarter, the one most often being reported.
const period = recentQuarters()[1]!;
const [year, q] = [period.slice(0, 4), period.slice(5)];

const approved: PlanSummary = {
  id: id(2),
  unitId: id(3),
  unitName: '区市场监管局',
  year: Number(year),
  status: 'approved',
  contactName: '',
  contactPhone: '',
  returnReason: null,
  submittedAt: null,
  reviewedAt: null,
  itemCount: 9,
  isDemo: false,
  actions: { edit: false, submit: false, review: false, report: true, reopen: false },
};

function renderPage(plans: PlanSummary[], published: string[] = []) {
  const fetch = async (request: Request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/auth/session') return json(session);
    if (path === '/api/v1/targets/reports') return json({ items: [], overdue: [] });
    if (path === '/api/v1/targets/plans') return json(plans);
    if (path === '/api/v1/targets/scorecards')
      return json(
        published.map((p, k) => ({
          id: id(40 + k),
          period: p,
          status: 'published',
          computedAt: '2026-01-20T02:00:00.000Z',
          publishedAt: '2026-01-21T02:00:00.000Z',
        })),
      );
    return notFound();
  };
  renderRoute('/admin/targets/reports', ReportsPage, fetch);
}

describe('the quarterly reports page', () => {
  it('names the quarter in the start button as everywhere else, and says how to start', async () => {
    renderPage([approved]);
    const button = await screen.findByTestId('report-start');
    expect(button.textContent).toBe(`填报区市场监管局 ${year}年第${q}季度数据`);
    expect(await screen.findByText(`还没有${year}年第${q}季度的报送。点击上方按钮开始填报。`)).toBeTruthy();
  });

  it('tells a unit without an approved plan why it has nothing to start', async () => {
    renderPage([]);
    expect(
      await screen.findByText(
        `还没有${year}年第${q}季度的报送。季度数据按审核通过的 ${year} 年追赶实施计划填报，本单位的计划尚未通过审核。`,
      ),
    ).toBeTruthy();
    expect(screen.queryByTestId('report-start')).toBeNull();
  });

  it('offers no new report for a quarter whose scorecard is published, and says why', async () => {
    renderPage([approved], [period]);
    expect(
      await screen.findByText(`没有${year}年第${q}季度的报送。该季度晾晒已发布，不再接受报送。`),
    ).toBeTruthy();
    expect(screen.getByTestId('report-frozen').textContent).toBe(
      `${year}年第${q}季度的晾晒已发布，不再接受新的报告或报送。`,
    );
    expect(screen.queryByTestId('report-start')).toBeNull();
  });
});
