import '../../i18n';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { id, json, notFound, renderRoute } from '../../test-support';
import { PlansPage } from './PlansPage';
import type { InspectionPlan, PlanVisit } from './shared';

/** The plans page on a phone 390 pixels wide: every media query answered for that width. */
const width = 390;
const original = window.matchMedia;
beforeAll(() => {
  window.matchMedia = (query: string) => {
    const min = /min-width:\s*(\d+)px/.exec(query);
    const max = /max-width:\s*(\d+)px/.exec(query);
    const matches = (!min || width >= Number(min[1])) && (!max || width <= Number(max[1]));
    return {
      matches,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    } as MediaQueryList;
  };
});
afterAll(() => {
  window.matchMedia = original;
});

const visit = (n: number, date: string, firm: string): PlanVisit => ({
  id: id(100 + n),
  firm: { id: id(200 + n), name: firm },
  date,
  allowedPeriod: { start: '2026-12-07', end: '2026-12-31' },
  status: 'planned',
  inspectors: [
    { id: id(31), name: '王*', unitId: id(41), unit: '区市场监管局' },
    { id: id(32), name: '李*', unitId: id(42), unit: '区应急管理局' },
  ],
  departments: [
    { id: id(41), name: '区市场监管局' },
    { id: id(42), name: '区应急管理局' },
  ],
  items: [{ id: id(51), name: '食品经营许可情况检查', unit: '区市场监管局' }],
  tasks: [{ id: id(61), name: '食品安全抽查' }],
});

const plan: InspectionPlan = {
  id: id(1),
  periodStart: '2026-12-07',
  periodEnd: '2026-12-31',
  status: 'draft',
  maxHoursPerVisit: 4,
  inspectorsPerVisit: 2,
  capacityPerDay: 2,
  publishedAt: null,
  figures: {
    planned: 3,
    unplanned: 1,
    visits: 3,
    joint: 3,
    separateVisits: 6,
    saving: 3,
    lowerBound: 3,
    overLowerBound: 0,
  },
  visits: [
    visit(1, '2026-12-08', '黔江甲食品有限公司'),
    visit(2, '2026-12-08', '黔江乙商贸有限公司'),
    visit(3, '2026-12-15', '黔江丙建材有限公司'),
  ],
  unplanned: [
    {
      task: { id: id(61), name: '食品安全抽查' },
      firm: { id: id(203), name: '黔江丁公司' },
      unit: { id: id(41), name: '区市场监管局' },
      code: 'drawn_team_unavailable',
      inspectors: ['王*', '李*'],
    },
  ],
  allowed: ['move', 'publish', 'delete'],
  isDemo: false,
};

function renderPage() {
  renderRoute('/admin/inspections/plans', PlansPage, async (request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/auth/session')
      return json({
        user: { id: id(9), login: 'u', displayName: '区政务办', mustChangePassword: false, grants: [] },
        csrfToken: 'token',
        menu: [],
        abilities: [{ action: 'plan.write', scopes: ['/1/'] }],
      });
    if (url.pathname === '/api/v1/inspections/plans') return json({ items: [plan], total: 1 });
    if (url.pathname === `/api/v1/inspections/plans/${plan.id}`) return json(plan);
    if (url.pathname === '/api/v1/inspections/rectifications')
      return json({
        items: [
          {
            findingId: id(301),
            visitId: id(101),
            date: '2026-11-16',
            firm: '黔江戊商贸有限公司',
            item: '营业执照及公示信息检查',
            unit: '区市场监管局',
            requirement: '限期补齐相关台账记录',
            dueDate: '2026-11-23',
            workdaysLeft: -9,
            overdue: true,
            dueProvisional: null,
            stage: 'open',
            rectifiedAt: null,
            rectificationNote: null,
            verifiedAt: null,
            returnReason: null,
            allowed: [],
          },
        ],
        total: 1,
      });
    if (url.pathname === '/api/v1/inspections/figures')
      return json({
        year: 2026,
        receptionHours: 1,
        rows: [
          {
            unitId: id(41),
            unit: '区市场监管局',
            quarter: 4,
            visits: 8,
            joint: 6,
            jointShare: 0.75,
            firmHoursSaved: 12.5,
            issues: 3,
            rectified: 2,
            overdue: 1,
          },
        ],
      });
    return notFound();
  });
}

const headers = (table: HTMLElement) =>
  [...table.querySelectorAll('thead th')].map((th) => th.textContent).filter(Boolean);

describe('the plans page on a phone', { timeout: 60_000 }, () => {
  it('lists a month’s days with visits as cards instead of a seven-column grid', async () => {
    renderPage();
    const agenda = await screen.findByTestId('plan-agenda');
    expect(document.querySelector('table.plan-calendar')).toBeNull();
    const day = agenda.querySelector('[data-date="2026-12-08"]') as HTMLElement;
    expect(within(day).getByText('黔江甲食品有限公司')).toBeTruthy();
    expect(within(day).getByText('黔江乙商贸有限公司')).toBeTruthy();
    expect(within(day).getByText(/2026-12-08 周二/)).toBeTruthy();
    expect(agenda.querySelectorAll('[data-testid="plan-visit"]')).toHaveLength(3);
    // A tap opens the visit, on the whole screen.
    fireEvent.click(within(day).getByText('黔江甲食品有限公司'));
    expect(await screen.findByTestId('visit-drawer')).toBeTruthy();
  });

  it('keeps the tables to a few columns, each row opening to the rest', async () => {
    renderPage();
    const reason = await screen.findByTestId('unplanned-reason');
    const unplanned = reason.closest('table') as HTMLElement;
    expect(headers(unplanned)).toEqual(['企业', '原因']);
    fireEvent.click(within(unplanned).getByRole('button', { name: /展开/ }));
    expect(await within(unplanned).findByText('食品安全抽查')).toBeTruthy();

    const follow = await screen.findByTestId('rectifications');
    await within(follow).findByText('黔江戊商贸有限公司');
    expect(headers(within(follow).getByRole('table'))).not.toContain('整改要求');
    fireEvent.click(within(follow).getByRole('button', { name: /展开/ }));
    expect(await within(follow).findByText('限期补齐相关台账记录')).toBeTruthy();

    const figures = screen.getByTestId('inspection-figures');
    await within(figures).findByText('区市场监管局');
    expect(headers(within(figures).getByRole('table'))).toHaveLength(4);
    fireEvent.click(within(figures).getByRole('button', { name: /展开/ }));
    await waitFor(() => expect(within(figures).getByText('12.5')).toBeTruthy());
  });
});
