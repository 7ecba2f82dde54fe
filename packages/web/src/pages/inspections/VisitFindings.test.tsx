import '../../i18n';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { id, json, notFound, renderRoute } from '../../test-support';
import { PlansPage } from './PlansPage';
import type { InspectionPlan, InspectionVisit } from './shared';

const plan: InspectionPlan = {
  id: id(1),
  periodStart: '2026-11-16',
  periodEnd: '2026-11-20',
  status: 'published',
  maxHoursPerVisit: 4,
  inspectorsPerVisit: 2,
  capacityPerDay: 2,
  publishedAt: '2026-11-09T02:00:00.000Z',
  figures: {
    planned: 2,
    unplanned: 0,
    visits: 1,
    joint: 1,
    separateVisits: 2,
    saving: 1,
    lowerBound: 1,
    overLowerBound: 0,
  },
  visits: [
    {
      id: id(100),
      firm: { id: id(200), name: '重庆黔龙食品有限公司' },
      date: '2026-11-17',
      allowedPeriod: { start: '2026-11-16', end: '2026-11-20' },
      status: 'completed',
      inspectors: [{ id: id(31), name: '王*', unitId: id(41), unit: '区市场监管局' }],
      departments: [{ id: id(41), name: '区市场监管局' }],
      items: [{ id: id(51), name: '食品经营许可情况检查', unit: '区市场监管局' }],
      tasks: [{ id: id(61), name: '食品安全抽查' }],
    },
  ],
  unplanned: [],
  allowed: [],
  isDemo: false,
};

const detail: InspectionVisit = {
  id: id(100),
  date: '2026-11-17',
  firm: { id: id(200), name: '重庆黔龙食品有限公司' },
  status: 'completed',
  code: 'c0de',
  team: [{ name: '王*', unit: '区市场监管局' }],
  departments: ['区市场监管局'],
  items: [
    {
      id: id(51),
      name: '食品经营许可情况检查',
      unit: '区市场监管局',
      legalBasis: '《食品安全法》第三十五条',
      finding: {
        id: id(9),
        result: 'issue',
        note: '许可证已过有效期',
        requirement: '补办食品经营许可证',
        deadlineDays: 10,
        dueDate: '2026-12-01',
        workdaysLeft: null,
        overdue: false,
        dueProvisional: null,
        photos: [],
        stage: 'reported',
        rectifiedAt: '2026-11-24T08:00:00.000Z',
        rectificationNote: '已换发新证并存档',
        rectificationPhotos: [],
        verifiedAt: null,
        returnedAt: null,
        returnReason: null,
      },
    },
  ],
  startedAt: '2026-11-17T01:30:00.000Z',
  completedAt: '2026-11-17T03:40:00.000Z',
  rating: { score: 4, comment: '检查规范，一次办完', at: '2026-11-25T00:00:00.000Z' },
  moves: [],
  allowed: [],
};

describe('a visit’s findings in the plans page, for the office and supervisors', () => {
  it('opens a completed visit and reads its findings, rectification and rating, with nothing to edit', async () => {
    renderRoute('/admin/inspections/plans', PlansPage, async (request) => {
      const url = new URL(request.url);
      if (url.pathname === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token', menu: [] });
      if (url.pathname === '/api/v1/inspections/plans') return json({ items: [plan], total: 1 });
      if (url.pathname === `/api/v1/inspections/plans/${plan.id}`) return json(plan);
      if (url.pathname === `/api/v1/inspections/visits/${detail.id}`) return json(detail);
      if (url.pathname === '/api/v1/inspections/rectifications') return json({ items: [], total: 0 });
      if (url.pathname === '/api/v1/inspections/figures')
        return json({ year: 2026, receptionHours: 1, rows: [] });
      return notFound();
    });
    fireEvent.click(await screen.findByText('重庆黔龙食品有限公司'));
    const findings = await screen.findByTestId('visit-findings');
    const item = within(findings).getByTestId('finding-item');
    expect(within(item).getByText('食品经营许可情况检查')).toBeTruthy();
    expect(within(item).getByTestId('finding-result').textContent).toBe('发现问题');
    expect(within(item).getByText('已换发新证并存档')).toBeTruthy();
    const rating = within(findings).getByTestId('visit-rating-read');
    expect(within(rating).getByText('检查规范，一次办完')).toBeTruthy();
    expect(within(rating).getByText('4 分（共 5 分）')).toBeTruthy();
    expect(screen.queryByTestId('visit-save')).toBeNull();
    expect(within(findings).queryAllByRole('textbox')).toEqual([]);
  });
});
