import '../../i18n';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { id, json, notFound, renderRoute } from '../../test-support';
import { InspectorVisitPage } from './InspectorVisitPage';
import type { InspectionVisit } from './shared';

const session = {
  user: {
    id: id(1),
    login: 'inspector.sj1',
    displayName: '王建国',
    mustChangePassword: false,
    grants: [{ role: 'department_staff', unitId: id(5) }],
  },
  csrfToken: 'token',
  menu: [{ path: '/inspections/visits', label: 'inspections.menu.visits' }],
  abilities: [],
};

const visit = (over: Partial<InspectionVisit> = {}): InspectionVisit => ({
  id: id(2),
  date: '2026-11-18',
  firm: { id: id(3), name: '重庆黔龙食品有限公司' },
  status: 'started',
  code: '0123456789abcdef0123456789abcdef',
  team: [{ name: '王建国', unit: '区市场监管局' }],
  departments: ['区市场监管局'],
  items: [
    {
      id: id(4),
      name: '食品经营许可及经营行为检查',
      unit: '区市场监管局',
      legalBasis: '《中华人民共和国食品安全法》第一百一十条',
      finding: null,
    },
  ],
  startedAt: '2026-11-18T01:30:00.000Z',
  completedAt: null,
  rating: null,
  moves: [],
  allowed: ['record', 'complete'],
  ...over,
});

function open(current: InspectionVisit) {
  const sent: Array<{ method: string; path: string; body: unknown }> = [];
  renderRoute(
    '/inspections/visits/:id',
    InspectorVisitPage,
    async (request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/auth/session') return json(session);
      if (request.method === 'PUT') {
        const body = await request.json();
        sent.push({ method: 'PUT', path, body });
        const f = {
          ...body,
          id: id(9),
          dueDate: null,
          workdaysLeft: null,
          overdue: false,
          dueProvisional: null,
          photos: [],
          rectifiedAt: null,
          rectificationNote: null,
          rectificationPhotos: [],
        };
        return json(visit({ items: [{ ...current.items[0]!, finding: f }] }));
      }
      if (path === `/api/v1/inspections/visits/${id(2)}`) return json(current);
      return notFound();
    },
    `/inspections/visits/${id(2)}`,
  );
  return sent;
}

describe('an inspector’s visit on a phone', () => {
  it('shows the code to scan and records an issue with its requirement and deadline in working days', async () => {
    const sent = open(visit());
    const card = await screen.findByTestId('checklist-item');
    expect(screen.getByTestId('visit-qr')).toBeTruthy();
    expect(screen.getByTestId('visit-check-link').getAttribute('href')).toBe(
      '/inspections/check/0123456789abcdef0123456789abcdef',
    );
    // The visit cannot be completed while an item has no result, and says so before any click.
    expect(screen.getByTestId('visit-complete').hasAttribute('disabled')).toBe(true);
    expect(screen.getByTestId('visit-complete-left').textContent).toBe(
      '还有 1 项没有记录结果，记录后才能完成检查',
    );
    // The rectification asks only for an issue.
    expect(within(card).queryByLabelText('整改要求')).toBeNull();
    fireEvent.click(within(card).getByText('发现问题'));
    const requirement = await within(card).findByLabelText('整改要求');
    fireEvent.change(requirement, { target: { value: '更换过期灭火器' } });
    fireEvent.change(within(card).getByLabelText('情况说明'), { target: { value: '灭火器过期' } });
    fireEvent.click(within(card).getByTestId('finding-save'));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]!.body).toEqual({
      result: 'issue',
      note: '灭火器过期',
      requirement: '更换过期灭火器',
      deadlineDays: 10,
    });
    // Once saved, a photo can be added to the finding, and the visit can be completed.
    expect(await within(card).findByTestId('finding-photo')).toBeTruthy();
    expect(screen.getByTestId('visit-complete').hasAttribute('disabled')).toBe(false);
    expect(screen.queryByTestId('visit-complete-left')).toBeNull();
  });

  it('shows a completed visit read only: no form, no code, no steps', async () => {
    open(
      visit({
        status: 'completed',
        allowed: [],
        items: [
          {
            ...visit().items[0]!,
            finding: {
              id: id(9),
              result: 'compliant',
              note: '现场核查符合要求',
              requirement: null,
              deadlineDays: null,
              dueDate: null,
              workdaysLeft: null,
              overdue: false,
              dueProvisional: null,
              photos: [],
              stage: null,
              rectifiedAt: null,
              rectificationNote: null,
              rectificationPhotos: [],
              verifiedAt: null,
              returnedAt: null,
              returnReason: null,
            },
          },
        ],
      }),
    );
    expect(await screen.findByText('检查已完成，结果不能再修改')).toBeTruthy();
    expect(screen.getByText('现场核查符合要求')).toBeTruthy();
    expect(screen.queryByTestId('finding-save')).toBeNull();
    expect(screen.queryByTestId('visit-complete')).toBeNull();
    expect(screen.queryByTestId('visit-qr')).toBeNull();
  });
});
