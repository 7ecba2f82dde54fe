import '../../i18n';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { id, json, loadedCalendarYear, notFound, renderRoute, validationProblem } from '../../test-support';
import { forgetCalendarYears } from '../admin/calendar/loadedYears';
import { PlansPage } from './PlansPage';
import type { InspectionPlan, PlanVisit } from './shared';

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
  items: [
    { id: id(51), name: '食品经营许可情况检查', unit: '区市场监管局' },
    { id: id(52), name: '安全生产主体责任落实检查', unit: '区应急管理局' },
  ],
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
    planned: 5,
    unplanned: 1,
    visits: 2,
    joint: 2,
    separateVisits: 4,
    saving: 2,
    lowerBound: 2,
    overLowerBound: 0,
  },
  visits: [visit(1, '2026-12-08', '黔江甲食品有限公司'), visit(2, '2026-12-15', '黔江乙商贸有限公司')],
  unplanned: [
    {
      task: { id: id(61), name: '食品安全抽查' },
      firm: { id: id(203), name: '黔江丙公司' },
      unit: { id: id(41), name: '区市场监管局' },
      code: 'drawn_team_unavailable',
      inspectors: ['王*', '李*'],
    },
  ],
  allowed: ['move', 'publish', 'delete'],
  isDemo: false,
};

/** The plans page over a fake API; the district office may plan (`plan.write`), others read. */
function renderPage(
  abilities = [{ action: 'plan.write', scopes: ['/1/'] }],
  {
    shown = plan,
    years = notFound,
    provisional = null,
  }: { shown?: InspectionPlan; years?: () => Response; provisional?: number | null } = {},
) {
  const moves: unknown[] = [];
  renderRoute('/admin/inspections/plans', PlansPage, async (request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/auth/session')
      return json({
        user: { id: id(9), login: 'u', displayName: '区纪委监委', mustChangePassword: false, grants: [] },
        csrfToken: 'token',
        menu: [],
        abilities,
      });
    if (url.pathname === '/api/v1/inspections/plans' && request.method === 'POST') {
      moves.push({ created: await request.json() });
      return notFound();
    }
    if (url.pathname === '/api/v1/inspections/plans') return json({ items: [shown], total: 1 });
    if (url.pathname === `/api/v1/inspections/plans/${shown.id}`) return json(shown);
    if (url.pathname === '/api/v1/calendar/years') return years();
    if (url.pathname === '/api/v1/inspections/inspectors') return json({ items: [], total: 0 });
    if (url.pathname === '/api/v1/inspections/rectifications')
      return json({
        items: [
          {
            findingId: id(301),
            visitId: id(101),
            date: '2026-11-16',
            firm: '黔江丁商贸有限公司',
            item: '营业执照及公示信息检查',
            unit: '区市场监管局',
            requirement: '限期补齐相关台账记录，并报送整改情况',
            dueDate: '2026-11-23',
            workdaysLeft: -9,
            overdue: true,
            dueProvisional: provisional,
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
      return json({ year: 2026, receptionHours: 1, rows: [] });
    if (request.method === 'PUT') {
      moves.push(await request.json());
      return validationProblem([
        { path: 'date', message: 'blocked', code: 'blocked_date', params: { date: '2026-12-08' } },
      ]);
    }
    return notFound();
  });
  return moves;
}

/** A plan in January 2027, a year the office loaded from its notice rather than one built in. */
const plan2027: InspectionPlan = {
  ...plan,
  periodStart: '2027-01-01',
  periodEnd: '2027-01-08',
  visits: [
    {
      ...visit(1, '2027-01-05', '黔江甲食品有限公司'),
      allowedPeriod: { start: '2027-01-01', end: '2027-01-08' },
    },
  ],
  unplanned: [],
};
const loaded2027 = loadedCalendarYear([{ name: '元旦', start: '2027-01-01', end: '2027-01-03', days: 3 }]);

describe('joint plans page', () => {
  afterEach(forgetCalendarYears);

  it('shows the plan on its month with the saving and the distance to the lower bound', async () => {
    renderPage();
    expect(await screen.findByText('黔江甲食品有限公司')).toBeTruthy();
    const figures = screen.getByTestId('plan-figures');
    expect(within(figures).getByText('减少检查')).toBeTruthy();
    expect(within(figures).getByText('超出下界')).toBeTruthy();
    expect(screen.getByTestId('plan-figure-saving').textContent).toContain('50%');
    // A joint task counts once as a separate visit and once per department as planned work.
    expect(within(figures).getByText('已编入的部门检查')).toBeTruthy();
    expect(within(figures).getByText(/每个部门各算一项部门检查/)).toBeTruthy();
    const cell = document.querySelector('td[data-date="2026-12-15"]')!;
    expect(within(cell as HTMLElement).getByText('黔江乙商贸有限公司')).toBeTruthy();
    // Why, and who: the drawn inspectors by name.
    expect(screen.getByTestId('unplanned-reason').textContent).toBe(
      '抽中的检查人员王*和李*在本时段没有共同的工作日',
    );
  });

  it('opens a visit in a drawer and shows the server’s refusal of a move in words', async () => {
    const moves = renderPage();
    fireEvent.click(await screen.findByText('黔江甲食品有限公司'));
    const drawer = await screen.findByTestId('visit-drawer');
    expect(
      within(drawer).getByText(
        '食品经营许可情况检查（区市场监管局）、安全生产主体责任落实检查（区应急管理局）',
      ),
    ).toBeTruthy();
    // The team is the drawn one: only the date can change.
    expect(within(drawer).getByText('检查组由随机抽取产生，只能调整检查日期，不能更换人员')).toBeTruthy();
    expect(within(drawer).queryByTestId('visit-team')).toBeNull();
    fireEvent.click(within(drawer).getByTestId('visit-save'));
    expect(await within(drawer).findByText('企业在 2026-12-08 不便接受检查')).toBeTruthy();
    await waitFor(() => expect(moves).toEqual([{ date: '2026-12-08', inspectorIds: [id(31), id(32)] }]));
  });

  it('offers the making of a plan to the district office only: a supervisor or a department reads', async () => {
    renderPage([]);
    await screen.findByTestId('plan-figures');
    expect(screen.queryByTestId('plan-create')).toBeNull();
  });

  it('offers the district office to make a plan', async () => {
    renderPage();
    await screen.findByTestId('plan-create');
  });

  it('says under the plan form’s fields what is missing or out of order, before sending', async () => {
    const sent = renderPage();
    fireEvent.click(await screen.findByTestId('plan-create'));
    const form = within(await screen.findByRole('dialog'));
    fireEvent.change(form.getByLabelText('每个部门每次检查最多小时数'), { target: { value: '' } });
    fireEvent.change(form.getByLabelText('开始'), { target: { value: '2026-12-20' } });
    fireEvent.change(form.getByLabelText('结束'), { target: { value: '2026-12-10' } });
    fireEvent.click(form.getByRole('button', { name: /确\s?定/ }));
    expect(await form.findByText('必填')).toBeTruthy();
    expect(await form.findByText('结束日期早于开始日期')).toBeTruthy();
    fireEvent.change(form.getByLabelText('结束'), { target: { value: '2026-12-31' } });
    await waitFor(() => expect(form.queryByText('结束日期早于开始日期')).toBeNull());
    expect(sent).toEqual([]);
  });

  it('keeps the follow-up’s dates on one line each', async () => {
    renderPage();
    await screen.findByText('限期补齐相关台账记录，并报送整改情况');
    for (const date of ['2026-11-16', '2026-11-23']) {
      const cell = screen.getByText(date);
      expect(cell.style.whiteSpace).toBe('nowrap');
    }
  });

  it('marks a rectification’s due date counted through a year not loaded yet as provisional, saying why', async () => {
    renderPage(undefined, { provisional: 2026 });
    const tag = await screen.findByTestId('rectification-due-provisional');
    expect(tag.textContent).toBe('暂定');
    expect(tag.getAttribute('title')).toBe(
      '该期限为暂定：2026 年法定节假日安排尚未载入，暂按周一至周五计算，载入后将重新计算。',
    );
  });

  it('offers the working days of a year the office loaded, once the browser has the loaded years', async () => {
    renderPage(undefined, { shown: plan2027, years: () => json([loaded2027]) });
    fireEvent.click(await screen.findByText('黔江甲食品有限公司'));
    const drawer = await screen.findByTestId('visit-drawer');
    fireEvent.mouseDown(within(drawer).getByRole('combobox'));
    // 1–3 January are days off, 2 and 3 a weekend: the first working day is the 4th.
    await screen.findAllByTitle('2027-01-04');
    const options = [...document.querySelectorAll('.ant-select-item-option')];
    expect(options.map((o) => o.getAttribute('title'))).toEqual([
      '2027-01-04',
      '2027-01-05',
      '2027-01-06',
      '2027-01-07',
      '2027-01-08',
    ]);
  });

  it('says when the loaded years could not be read for a plan in such a year, with a retry', async () => {
    renderPage(undefined, { shown: plan2027 });
    fireEvent.click(await screen.findByText('黔江甲食品有限公司'));
    const drawer = await screen.findByTestId('visit-drawer');
    expect(await within(drawer).findByTestId('load-retry')).toBeTruthy();
  });
});
