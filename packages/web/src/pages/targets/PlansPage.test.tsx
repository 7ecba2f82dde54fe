import '../../i18n';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../api/types';
import { id, json, notFound, renderRoute } from '../../test-support';
import { PlansPage } from './PlansPage';
import type { PlanSummary } from './shared';

/** A submitted plan as the server lists it, saying whether this person may review it. */
const plan = (n: number, review: boolean): PlanSummary => ({
  id: id(n),
  unitId: id(50 + n),
  unitName: `单位${n}`,
  year: new Date().getFullYear(),
  status: 'submitted',
  contactName: '',
  contactPhone: '',
  returnReason: null,
  submittedAt: '2026-03-01T02:00:00.000Z',
  reviewedAt: null,
  itemCount: 3,
  isDemo: false,
  actions: { edit: false, submit: false, review, report: false, reopen: false },
});

/** An admin of a street: the role alone must not show review buttons the server does not allow. */
const session: Session = {
  user: {
    id: id(9),
    login: 'street-admin',
    displayName: '街道管理员',
    mustChangePassword: false,
    grants: [{ role: 'admin', unitId: id(2) }],
  },
  csrfToken: 'token',
  menu: [{ path: '/admin/targets/plans', label: 'targets.menu.plans' }],
  abilities: [],
};

const unit = (n: number, path: string) => ({
  id: id(50 + n),
  code: `U${n}`,
  name: `单位${n}`,
  kind: 'department' as const,
  parentId: id(2),
  path,
  sort: n,
  isDemo: false,
});

function renderPage(plans: PlanSummary[], units: unknown[] = [], abilities: Session['abilities'] = []) {
  const fetch = async (request: Request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/auth/session') return json({ ...session, abilities });
    if (path === '/api/v1/units') return json(units);
    if (path === '/api/v1/targets/plans') return json(plans);
    return notFound();
  };
  renderRoute('/admin/targets/plans', PlansPage, fetch);
}

describe('the plans page', () => {
  it('offers approve and return only on the plans the server says the caller may review', async () => {
    renderPage([plan(1, true), plan(2, false)]);
    expect(await screen.findByText('单位2')).toBeTruthy();
    expect(screen.getAllByTestId('plan-approve')).toHaveLength(1);
    expect(screen.getAllByTestId('plan-return')).toHaveLength(1);
  });

  it('names the approve and return buttons by the plan of their row', async () => {
    renderPage([plan(1, true)]);
    const year = new Date().getFullYear();
    expect(await screen.findByRole('button', { name: `通过：单位1 ${year} 年追赶实施计划` })).toBeTruthy();
    expect(screen.getByRole('button', { name: `退回：单位1 ${year} 年追赶实施计划` })).toBeTruthy();
  });

  it('shows an admin no review button when the server allows none', async () => {
    renderPage([plan(1, false)]);
    expect(await screen.findByText('单位1')).toBeTruthy();
    expect(screen.queryByTestId('plan-approve')).toBeNull();
    expect(screen.queryByTestId('plan-return')).toBeNull();
  });

  it('offers a new plan only for the units the server lets the caller start one for', async () => {
    renderPage([], [unit(1, '/r/s/a/'), unit(2, '/r/t/b/')], [{ action: 'plan.create', scopes: ['/r/s/'] }]);
    fireEvent.mouseDown(await screen.findByRole('combobox', { name: '单位' }));
    expect(await screen.findByTitle('单位1')).toBeTruthy();
    expect(screen.queryByTitle('单位2')).toBeNull();
  });

  it('offers no new plan to someone the server lets start none', async () => {
    renderPage([plan(1, false)], [unit(1, '/r/s/a/')]);
    expect(await screen.findByText('单位1')).toBeTruthy();
    expect(screen.queryByTestId('plan-unit')).toBeNull();
    expect(screen.queryByTestId('plan-create')).toBeNull();
  });

  const year = new Date().getFullYear();

  it('tells a unit with no plan for the year that it has none, and how to start one', async () => {
    renderPage([], [unit(1, '/r/s/a/')], [{ action: 'plan.create', scopes: ['/r/s/'] }]);
    expect(
      await screen.findByText(`单位1还没有 ${year} 年追赶实施计划。点击上方“新建计划”开始制定。`),
    ).toBeTruthy();
  });

  it('tells someone who may start no plan only that there is none', async () => {
    renderPage([], [unit(1, '/r/s/a/')]);
    expect(await screen.findByText(`还没有 ${year} 年追赶实施计划。`)).toBeTruthy();
  });

  it('groups the unit with the button it serves, apart from the filters, and says why the button is off', async () => {
    renderPage([], [unit(1, '/r/s/a/'), unit(2, '/r/s/b/')], [{ action: 'plan.create', scopes: ['/r/s/'] }]);
    const group = await screen.findByRole('group', { name: `新建或打开单位 ${year} 年计划：` });
    expect(within(group).getByRole('combobox', { name: '单位' })).toBeTruthy();
    const button = within(group).getByTestId('plan-create') as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    fireEvent.mouseEnter(button.parentElement!);
    expect(await screen.findByText('请先选择单位')).toBeTruthy();
  });
});
