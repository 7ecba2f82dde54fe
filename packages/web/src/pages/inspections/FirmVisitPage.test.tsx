import '../../i18n';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { id, json, notFound, renderRoute } from '../../test-support';
import { FirmVisitPage } from './FirmVisitPage';
import type { Finding, VisitResult } from './shared';

const session = {
  user: {
    id: id(1),
    login: 'firm1',
    displayName: '重庆黔龙食品有限公司 办公室',
    mustChangePassword: false,
    grants: [{ role: 'enterprise', unitId: id(5) }],
  },
  csrfToken: 'token',
  menu: [{ path: '/firm', label: 'business.menu.myFirm' }],
  abilities: [],
};

const finding = (over: Partial<Finding>): Finding => ({
  id: id(9),
  result: 'issue',
  note: '灭火器压力不足',
  requirement: '更换过期灭火器',
  deadlineDays: 5,
  dueDate: '2026-11-25',
  workdaysLeft: -6,
  overdue: true,
  dueProvisional: null,
  photos: [],
  stage: 'open',
  rectifiedAt: null,
  rectificationNote: null,
  rectificationPhotos: [],
  verifiedAt: null,
  returnedAt: null,
  returnReason: null,
  ...over,
});

const result = (over: Partial<VisitResult> = {}): VisitResult => ({
  id: id(2),
  date: '2026-11-18',
  firm: { id: id(3), name: '重庆黔龙食品有限公司' },
  status: 'completed',
  team: [{ name: '王建国', unit: '区市场监管局' }],
  departments: ['区市场监管局'],
  items: [
    {
      id: id(4),
      name: '消防安全管理检查',
      unit: '区消防救援支队',
      legalBasis: '《消防法》',
      finding: finding({}),
    },
  ],
  startedAt: '2026-11-18T01:30:00.000Z',
  completedAt: '2026-11-18T03:40:00.000Z',
  rating: null,
  moves: [],
  allowed: ['rate'],
  ...over,
});

function open(shown: VisitResult = result()) {
  const sent: Array<{ path: string; body: unknown }> = [];
  renderRoute(
    '/firm/visits/:id',
    FirmVisitPage,
    async (request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/auth/session') return json(session);
      if (request.method === 'POST') {
        const body = await request.json();
        sent.push({ path, body });
        if (path.endsWith('/rectification'))
          return json(
            result({
              items: [
                {
                  ...result().items[0]!,
                  finding: finding({
                    rectifiedAt: '2026-11-20T08:00:00.000Z',
                    rectificationNote: body.note,
                    overdue: false,
                    dueProvisional: null,
                  }),
                },
              ],
            }),
          );
        return json(
          result({
            rating: { score: body.score, comment: null, at: '2026-11-21T00:00:00.000Z' },
            allowed: [],
          }),
        );
      }
      if (path === `/api/v1/inspections/my-results/${id(2)}`) return json(shown);
      return notFound();
    },
    `/firm/visits/${id(2)}`,
  );
  return sent;
}

describe('a firm’s results of a visit', () => {
  it('flags an overdue rectification, confirms it with a note, and rates the visit once', async () => {
    const sent = open();
    const item = await screen.findByTestId('result-item');
    expect(within(item).getByTestId('overdue')).toBeTruthy();
    expect(within(item).getByText('更换过期灭火器', { exact: false })).toBeTruthy();
    fireEvent.change(within(item).getByLabelText('整改情况'), { target: { value: '已更换全部灭火器' } });
    fireEvent.click(within(item).getByTestId('rectify-confirm'));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      path: `/api/v1/inspections/findings/${id(9)}/rectification`,
      body: { note: '已更换全部灭火器' },
    });
    expect(await screen.findByTestId('rectified')).toBeTruthy();

    const rating = screen.getByTestId('visit-rating');
    fireEvent.click(within(rating).getAllByRole('radio')[3]!);
    fireEvent.click(within(rating).getByTestId('rating-submit'));
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[1]).toEqual({ path: `/api/v1/inspections/my-results/${id(2)}/rating`, body: { score: 4 } });
    expect(await screen.findByText('您的评价：4 分')).toBeTruthy();
    expect(screen.queryByTestId('rating-submit')).toBeNull();
  });

  it('shows a returned rectification with the department’s reason, and lets the firm confirm it again', async () => {
    const returned = finding({
      stage: 'returned',
      returnReason: '灭火器仍未年检',
      returnedAt: '2026-11-22T08:00:00.000Z',
      overdue: false,
      workdaysLeft: 2,
    });
    const sent = open(result({ items: [{ ...result().items[0]!, finding: returned }] }));
    const item = await screen.findByTestId('result-item');
    expect(within(item).getByTestId('rectification-returned').textContent).toContain('灭火器仍未年检');
    expect(within(item).queryByTestId('rectified')).toBeNull();
    const again = within(item).getByTestId('rectify-confirm');
    expect(again.textContent).toContain('重新整改后再次确认');
    fireEvent.change(within(item).getByLabelText('整改情况'), { target: { value: '已完成年检' } });
    fireEvent.click(again);
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      path: `/api/v1/inspections/findings/${id(9)}/rectification`,
      body: { note: '已完成年检' },
    });
  });

  it('tells a report awaiting verification from an accepted one', async () => {
    const reported = finding({
      stage: 'reported',
      rectifiedAt: '2026-11-20T08:00:00.000Z',
      rectificationNote: '已更换',
      returnReason: '灭火器仍未年检',
      overdue: false,
    });
    open(result({ items: [{ ...result().items[0]!, finding: reported }] }));
    const item = await screen.findByTestId('result-item');
    expect(within(item).getByTestId('rectified').textContent).toBe('已报告，待验收');
    expect(within(item).getByTestId('last-return').textContent).toContain('灭火器仍未年检');
    expect(within(item).queryByTestId('rectify-confirm')).toBeNull();
  });
});
