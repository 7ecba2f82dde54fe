import '../../i18n';
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { id, json, notFound, renderRoute, renderRoutes } from '../../test-support';
import { InspectorVisitPage } from './InspectorVisitPage';
import type { InspectionVisit } from './shared';
import { reportedRectification } from './testRectifications';
import { VerifyListPage } from './VerifyListPage';
import { cameFrom } from './visitBack';

const row = reportedRectification();
const visitId = row.visitId;

/** A reader's session: their role and the menu the server gives it (as menu.test.ts has it). */
const sessionOf = (role: string, paths: string[]) => ({
  user: {
    id: id(1),
    login: role,
    displayName: '读者',
    mustChangePassword: false,
    grants: [{ role, unitId: id(5) }],
  },
  csrfToken: 'token',
  menu: paths.map((path) => ({ path, label: 'x' })),
  abilities: [],
});
const departmentStaff = sessionOf('department_staff', [
  '/admin',
  '/admin/inspections/tasks',
  '/admin/inspections/plans',
  '/admin/inspections/verify',
  '/inspections/visits',
]);
const office = sessionOf('admin', ['/admin', '/admin/inspections/tasks', '/admin/inspections/plans']);
const firm = sessionOf('enterprise', ['/ideas/mine', '/firm', '/firm/surveys', '/firm/requests']);
const citizen = sessionOf('citizen', ['/ideas/mine']);

/** A completed visit as a department verifying one of its items reads it. */
const visit: InspectionVisit = {
  id: visitId,
  date: '2026-11-18',
  firm: { id: id(3), name: '重庆黔龙食品有限公司' },
  status: 'completed',
  code: '',
  team: [{ name: '王*国', unit: '区市场监管局' }],
  departments: ['区市场监管局'],
  items: [],
  startedAt: '2026-11-18T01:30:00.000Z',
  completedAt: '2026-11-18T03:40:00.000Z',
  rating: null,
  moves: [],
  allowed: [],
};

/** The fake API: the reader's session, the list to verify, and the visit (refused to a firm). */
const api = (session: ReturnType<typeof sessionOf>) => async (request: Request) => {
  const path = new URL(request.url).pathname;
  if (path === '/api/v1/auth/session') return json(session);
  if (path === '/api/v1/inspections/rectifications') return json({ items: [row], total: 1 });
  if (path === `/api/v1/inspections/visits/${visitId}`)
    return session === firm || session === citizen
      ? json({ type: 'about:blank', title: 'Forbidden', status: 403, code: 'FORBIDDEN' }, 403)
      : json(visit);
  return notFound();
};

const backLink = async () => {
  const link = await screen.findByTestId('visit-back');
  return { href: link.getAttribute('href'), text: link.textContent };
};

describe('the way back from a visit’s page', () => {
  it('leads a department verifying back to the rectifications it verifies, where it opened the visit', async () => {
    renderRoutes(
      [
        { path: '/admin/inspections/verify', Component: VerifyListPage },
        { path: '/inspections/visits/:id', Component: InspectorVisitPage },
      ],
      api(departmentStaff),
      '/admin/inspections/verify',
    );
    fireEvent.click(await screen.findByTestId('verify-open-visit'));
    expect(await screen.findByText('重庆黔龙食品有限公司')).toBeTruthy();
    expect(await backLink()).toEqual({ href: '/admin/inspections/verify', text: '返回待我验收的整改' });
  });

  it.each([
    ['a department’s staff', departmentStaff, '/inspections/visits', '返回我的检查'],
    ['the district office', office, '/admin/inspections/plans', '返回综合查一次计划'],
    ['a firm’s staff (refused the page)', firm, '/firm', '返回我的企业'],
    ['a citizen (refused the page)', citizen, '/', '返回首页'],
  ])('leads %s opening it directly back to a list of theirs', async (_, session, href, text) => {
    renderRoute(
      '/inspections/visits/:id',
      InspectorVisitPage,
      api(session),
      `/inspections/visits/${visitId}`,
    );
    expect(await backLink()).toEqual({ href, text });
  });

  it('never leads back to a list the reader does not have, whatever the link said', async () => {
    renderRoutes([{ path: '/inspections/visits/:id', Component: InspectorVisitPage }], api(office), {
      pathname: `/inspections/visits/${visitId}`,
      state: cameFrom('/admin/inspections/verify'),
    });
    expect(await backLink()).toEqual({ href: '/admin/inspections/plans', text: '返回综合查一次计划' });
  });
});
