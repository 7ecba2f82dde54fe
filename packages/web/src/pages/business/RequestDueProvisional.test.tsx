import '../../i18n';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { id, json, notFound, renderRoute } from '../../test-support';
import { RequestsConsolePage } from './RequestsConsolePage';
import type { RequestSummary } from './requests';
import { requestDetailOf, requestSummaryOf } from './testRequests';

const office = {
  user: { id: id(9), login: 'office', displayName: '区营商办', mustChangePassword: false, grants: [] },
  csrfToken: 'token',
  menu: [{ path: '/admin', label: 'admin.menu.overview' }],
  abilities: [],
};

/** A request with QJ's development commission, due on `dueOn`, 5 working days ahead. */
const summary = (n: number, title: string, dueOn: string, dueProvisional: number | null) =>
  requestSummaryOf({
    id: id(n),
    title,
    categoryCode: 'policy',
    categoryName: '政策咨询',
    dueOn,
    dueProvisional,
    createdAt: '2026-12-28T02:00:00.000Z',
  });

// Due on the last days of 2026, which the 2027 notice (not loaded yet) may still change: the
// sentence names the year it waits for, not the date's own.
const provisional = summary(21, '年末的用工补贴申报', '2026-12-30', 2027);
const settled = summary(22, '厂区道路积水', '2026-12-11', null);

const detail = (s: RequestSummary) => requestDetailOf(s);

function openList() {
  renderRoute('/admin/business/requests', RequestsConsolePage, async (request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/auth/session') return json(office);
    if (path === '/api/v1/business/requests') return json({ total: 2, items: [provisional, settled] });
    if (path === `/api/v1/business/requests/${provisional.id}`) return json(detail(provisional));
    return notFound();
  });
}

const sentence =
  '该期限为暂定：2027 年法定节假日安排尚未载入，暂按周一至周五计算，未计节假日和调休，载入后将重新计算。';

describe('a due date counted through a year whose holidays are not loaded', () => {
  it('is marked provisional in the list, the reason in its title, and only that one', async () => {
    openList();
    const row = (await screen.findByText(provisional.title)).closest('tr')!;
    const tag = within(row as HTMLElement).getByTestId('request-due-provisional');
    expect(tag.textContent).toBe('暂定');
    expect(tag.getAttribute('title')).toBe(sentence);
    const other = screen.getByText(settled.title).closest('tr')!;
    expect(within(other as HTMLElement).queryByTestId('request-due-provisional')).toBeNull();
    expect(screen.getAllByTestId('request-due-provisional')).toHaveLength(1);
  });

  it('says why on the request itself', async () => {
    openList();
    fireEvent.click(await screen.findByText(provisional.title));
    expect((await screen.findByTestId('request-due-provisional-note')).textContent).toBe(sentence);
  });
});
