/** What the inbox link tests share: the users, their messages, and the inbox among stand-ins for the pages a message opens. */
import '../../i18n';
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, useParams, useSearchParams } from 'react-router';
import { ApiContext } from '../../api/ApiContext';
import { createApi } from '../../api/client';
import type { components } from '../../api/schema';
import type { Session } from '../../api/types';
import { AntdScope } from '../../components/AntdScope';
import { AppProviders } from '../../components/AppProviders';
import { id, json, notFound } from '../../test-support';
import { InboxPage } from './InboxPage';

export const firmStaff: Session['user'] = {
  id: id(5),
  login: 'firm1',
  displayName: '城西机械',
  mustChangePassword: false,
  grants: [{ role: 'enterprise', unitId: id(2) }],
};
export const departmentStaff: Session['user'] = {
  id: id(6),
  login: 'dept',
  displayName: '区发展改革委',
  mustChangePassword: false,
  grants: [{ role: 'department_staff', unitId: id(3) }],
};

/** The district's office, which decides extensions and appeals. */
export const office: Session['user'] = {
  id: id(8),
  login: 'office',
  displayName: '活动办 管理员',
  mustChangePassword: false,
  grants: [{ role: 'admin', unitId: id(1) }],
};

export const requestId = id(40);
export const messages: Array<components['schemas']['InboxItem']> = [
  {
    id: id(1),
    key: 'business.notice.firmRouted',
    params: { requestId, department: '区发展改革委', title: '用电增容', dueOn: '2026-12-18' },
    at: '2026-12-04T02:00:00.000Z',
    readAt: null,
  },
  {
    // Sent before notices named their request: nothing to open.
    id: id(3),
    key: 'business.notice.answered',
    params: { department: '区发展改革委', title: '厂房扩建' },
    at: '2026-11-28T02:00:00.000Z',
    readAt: '2026-11-29T02:00:00.000Z',
  },
  {
    id: id(2),
    key: 'inspections.notice.results',
    params: { date: '2026-11-20', items: 6, issues: 1 },
    at: '2026-11-20T08:00:00.000Z',
    readAt: null,
  },
];

/** The inbox, and stand-ins for the pages a message opens, saying which object they show. */
function RequestStandIn() {
  return <p>request page {useParams().id}</p>;
}
function ConsoleStandIn() {
  return <p>console request {useSearchParams()[0].get('request')}</p>;
}
function SuggestionStandIn() {
  return <p>suggestion page {useParams().id}</p>;
}
function MySuggestionsStandIn() {
  return <p>my suggestions</p>;
}
function ReformProjectStandIn() {
  return <p>reform project {useParams().id}</p>;
}
function ReformReportStandIn() {
  return <p>reform report {useParams().id}</p>;
}
function TargetsPlanStandIn() {
  return <p>targets plan {useParams().id}</p>;
}
function TargetsReportStandIn() {
  return <p>targets report {useParams().id}</p>;
}
function LeaderboardStandIn() {
  return <p>leaderboard {useSearchParams()[0].get('quarter')}</p>;
}
function VisitStandIn() {
  return <p>visit page {useParams().id}</p>;
}

export const citizen: Session['user'] = {
  id: id(7),
  login: 'citizen',
  displayName: '张三',
  mustChangePassword: false,
  grants: [{ role: 'citizen', unitId: id(2) }],
};

export function renderInbox(user: Session['user'], read: string[], items = messages) {
  const session: Session = { user, csrfToken: 'token', menu: [], abilities: [] };
  const fetch = async (request: Request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/auth/session') return json(session);
    if (path === '/api/v1/inbox') return json(items);
    const marked = path.match(/^\/api\/v1\/inbox\/(.+)\/read$/);
    if (marked && request.method === 'POST') {
      read.push(marked[1]!);
      return new Response(null, { status: 204 });
    }
    return notFound();
  };
  const api = createApi({ fetch, baseUrl: 'http://localhost', locale: () => 'zh-CN' });
  const router = createMemoryRouter(
    [
      { path: '/inbox', Component: InboxPage },
      { path: '/firm/requests/:id', Component: RequestStandIn },
      { path: '/admin/business/requests', Component: ConsoleStandIn },
      { path: '/ideas/mine', Component: MySuggestionsStandIn },
      { path: '/ideas/:id', Component: SuggestionStandIn },
      { path: '/admin/reforms/projects/:id', Component: ReformProjectStandIn },
      { path: '/admin/reforms/reports/:id', Component: ReformReportStandIn },
      { path: '/inspections/visits/:id', Component: VisitStandIn },
      { path: '/admin/targets/plans/:id', Component: TargetsPlanStandIn },
      { path: '/admin/targets/reports/:id', Component: TargetsReportStandIn },
      { path: '/targets/leaderboard', Component: LeaderboardStandIn },
    ],
    { initialEntries: ['/inbox'] },
  );
  return render(
    <ApiContext value={api}>
      <AppProviders>
        <AntdScope>
          <RouterProvider router={router} />
        </AntdScope>
      </AppProviders>
    </ApiContext>,
  );
}
