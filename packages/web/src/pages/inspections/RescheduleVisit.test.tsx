import '../../i18n';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { id, json, notFound, renderRoute } from '../../test-support';
import { InspectorVisitPage } from './InspectorVisitPage';
import type { InspectionVisit } from './shared';

const session = {
  user: {
    id: id(1),
    login: 'office',
    displayName: '区营商办',
    mustChangePassword: false,
    grants: [{ role: 'admin', unitId: id(5) }],
  },
  csrfToken: 'token',
  menu: [{ path: '/admin/inspections/plans', label: 'inspections.menu.plans' }],
  abilities: [],
};

const visit = (over: Partial<InspectionVisit> = {}): InspectionVisit => ({
  id: id(2),
  date: '2026-12-16',
  firm: { id: id(3), name: '重庆黔龙食品有限公司' },
  status: 'planned',
  code: '0123456789abcdef0123456789abcdef',
  team: [{ name: '王建国', unit: '区市场监管局' }],
  departments: ['区市场监管局'],
  items: [],
  startedAt: null,
  completedAt: null,
  rating: null,
  moves: [],
  allowed: ['reschedule'],
  ...over,
});

/** The visit page against a fake API that refuses a weekend and moves the visit otherwise. */
function open(current: InspectionVisit) {
  const sent: unknown[] = [];
  renderRoute(
    '/inspections/visits/:id',
    InspectorVisitPage,
    async (request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/auth/session') return json(session);
      if (request.method === 'POST' && path === `/api/v1/inspections/visits/${id(2)}/reschedule`) {
        const body = (await request.json()) as { date: string; reason: string };
        sent.push(body);
        if (body.date === '2026-12-19')
          return json(
            {
              type: 'about:blank',
              title: '输入有误',
              status: 400,
              code: 'VALIDATION',
              errors: [
                {
                  path: 'date',
                  message: 'not a working day',
                  code: 'not_a_working_day',
                  params: { date: body.date },
                },
              ],
            },
            400,
          );
        return json(
          visit({
            date: body.date,
            moves: [
              { from: current.date, to: body.date, reason: body.reason, at: '2026-12-08T02:00:00.000Z' },
            ],
          }),
        );
      }
      if (path === `/api/v1/inspections/visits/${id(2)}`) return json(current);
      return notFound();
    },
    `/inspections/visits/${id(2)}`,
  );
  return sent;
}

describe('rescheduling a visit from its page (改期)', () => {
  it('asks for the new date and a reason, shows the field the server refuses, then the move in the history', async () => {
    const sent = open(visit());
    fireEvent.click(await screen.findByTestId('visit-reschedule'));
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText(
        '原定 2026-12-16。新日期和原因将通知企业、检查组和相关部门；检查组仍为抽取的人员。',
      ),
    ).toBeTruthy();
    // Nothing is sent without a date and a reason.
    fireEvent.click(within(dialog).getByRole('button', { name: '改 期' }));
    expect((await within(dialog).findAllByText(/请输入|必填/)).length).toBeGreaterThan(0);
    expect(sent).toHaveLength(0);
    fireEvent.change(within(dialog).getByLabelText('新的检查日期'), { target: { value: '2026-12-19' } });
    fireEvent.change(within(dialog).getByLabelText('改期原因'), { target: { value: '暴雨预警' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '改 期' }));
    // The server's refusal, worded under the date.
    expect(await within(dialog).findByText('2026-12-19 不是工作日')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('新的检查日期'), { target: { value: '2026-12-18' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '改 期' }));
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[1]).toEqual({ date: '2026-12-18', reason: '暴雨预警' });
    const moves = await screen.findByTestId('visit-moves');
    expect(moves.textContent).toBe('2026-12-16 → 2026-12-18：暴雨预警');
  });

  it('offers no reschedule to whom the server allows none (the team, a visit under way)', async () => {
    open(visit({ status: 'started', allowed: ['record', 'complete'] }));
    expect(await screen.findByTestId('visit-status')).toBeTruthy();
    expect(screen.queryByTestId('visit-reschedule')).toBeNull();
  });
});
