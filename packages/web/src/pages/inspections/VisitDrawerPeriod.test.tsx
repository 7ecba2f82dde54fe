import '../../i18n';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { id, json, notFound, renderRoute, validationProblem } from '../../test-support';
import { PlansPage } from './PlansPage';
import type { InspectionPlan, PlanVisit } from './shared';

/** A visit carrying a task due 14–18 December only, in a plan of the whole month. */
const visit: PlanVisit = {
  id: id(101),
  firm: { id: id(201), name: '黔江甲食品有限公司' },
  date: '2026-12-15',
  allowedPeriod: { start: '2026-12-14', end: '2026-12-18' },
  status: 'planned',
  inspectors: [
    { id: id(31), name: '王*', unitId: id(41), unit: '区市场监管局' },
    { id: id(32), name: '李*', unitId: id(41), unit: '区市场监管局' },
  ],
  departments: [{ id: id(41), name: '区市场监管局' }],
  items: [{ id: id(51), name: '食品经营许可情况检查', unit: '区市场监管局' }],
  tasks: [{ id: id(61), name: '食品安全专项抽查' }],
};

const plan: InspectionPlan = {
  id: id(1),
  periodStart: '2026-12-01',
  periodEnd: '2026-12-31',
  status: 'draft',
  maxHoursPerVisit: 4,
  inspectorsPerVisit: 2,
  capacityPerDay: 2,
  publishedAt: null,
  figures: {
    planned: 1,
    unplanned: 0,
    visits: 1,
    joint: 0,
    separateVisits: 1,
    saving: 0,
    lowerBound: 1,
    overLowerBound: 0,
  },
  visits: [visit],
  unplanned: [],
  allowed: ['move', 'publish', 'delete'],
  isDemo: false,
};

function renderPage() {
  const moves: unknown[] = [];
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
    if (url.pathname === '/api/v1/inspections/rectifications') return json({ items: [], total: 0 });
    if (url.pathname === '/api/v1/inspections/figures')
      return json({ year: 2026, receptionHours: 1, rows: [] });
    if (request.method === 'PUT') {
      moves.push(await request.json());
      return validationProblem([
        {
          path: 'date',
          message: 'outside',
          code: 'outside_task_period',
          params: { start: '2026-12-14', end: '2026-12-18', task: '食品安全专项抽查' },
        },
      ]);
    }
    return notFound();
  });
  return moves;
}

describe('a visit whose task is due over part of the plan’s period', () => {
  it('offers only the days of both periods, and says so', async () => {
    renderPage();
    fireEvent.click(await screen.findByText('黔江甲食品有限公司'));
    const drawer = await screen.findByTestId('visit-drawer');
    expect(within(drawer).getByText('可安排日期')).toBeTruthy();
    expect(within(drawer).getByTestId('visit-allowed-period').textContent).toContain('2026-12-14');
    fireEvent.mouseDown(within(drawer).getByRole('combobox'));
    await screen.findAllByTitle('2026-12-14');
    const options = [...document.querySelectorAll('.ant-select-item-option')];
    expect(options.map((o) => o.getAttribute('title'))).toEqual([
      '2026-12-14',
      '2026-12-15',
      '2026-12-16',
      '2026-12-17',
      '2026-12-18',
    ]);
  });

  it('words the server’s refusal of a day outside the task’s period under the date', async () => {
    const moves = renderPage();
    fireEvent.click(await screen.findByText('黔江甲食品有限公司'));
    const drawer = await screen.findByTestId('visit-drawer');
    fireEvent.click(within(drawer).getByTestId('visit-save'));
    expect(
      await within(drawer).findByText(
        '不在任务“食品安全专项抽查”的时段内：本次检查只能安排在 2026-12-14 至 2026-12-18',
      ),
    ).toBeTruthy();
    await waitFor(() => expect(moves).toEqual([{ date: '2026-12-15', inspectorIds: [id(31), id(32)] }]));
  });
});
