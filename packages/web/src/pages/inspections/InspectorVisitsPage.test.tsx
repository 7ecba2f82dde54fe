import '../../i18n';
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { components } from '../../api/schema';
import { id, json, renderRoute } from '../../test-support';
import { InspectorVisitsPage } from './InspectorVisitsPage';

type Brief = components['schemas']['InspectionVisitBrief'];

const visit = (n: number, date: string, status: Brief['status']): Brief => ({
  id: id(n),
  date,
  firm: { id: id(50 + n), name: `企业${n}有限公司` },
  status,
  departments: ['区市场监管局'],
  startedAt: null,
  completedAt: null,
  allowed: [],
  itemCount: 3,
  recorded: 0,
});

const inspector = {
  user: { id: id(9), login: 'inspector.sj1', displayName: '检查员', mustChangePassword: false, grants: [] },
  csrfToken: 'token',
  menu: [{ path: '/inspections/visits', label: 'inspections.menu.visits' }],
  abilities: [],
};

function renderPage(visits: () => Response) {
  renderRoute('/inspections/visits', InspectorVisitsPage, async (request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/auth/session') return json(inspector);
    return visits();
  });
}

afterEach(() => {
  vi.useRealTimers();
});

describe("an inspector's visits", () => {
  it("marks a visit not started by the end of its day, on Qianjiang's clock", async () => {
    // 17:00 UTC on 5 December is 01:00 on 6 December in Qianjiang. Only the clock is faked.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-05T17:00:00Z'));
    renderPage(() =>
      json([
        visit(1, '2026-12-05', 'planned'),
        visit(2, '2026-12-06', 'planned'),
        visit(3, '2026-12-01', 'completed'),
      ]),
    );
    const rows = await screen.findAllByTestId('inspector-visit');
    expect(rows.map((r) => r.querySelector('[data-testid="visit-past-day"]')?.textContent ?? null)).toEqual([
      '已过检查日期',
      null,
      null,
    ]);
  });

  it('says the list failed to load, with a retry, rather than that there are no visits', async () => {
    renderPage(() => json({ type: 'about:blank', title: 'x', status: 500, code: 'INTERNAL' }, 500));
    expect(await screen.findByTestId('load-retry')).toBeTruthy();
    expect(screen.queryByText('您目前没有检查任务')).toBeNull();
  });
});
