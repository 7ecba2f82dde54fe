import '../../i18n';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, useParams, useSearchParams } from 'react-router';
import { describe, expect, it } from 'vitest';
import { ApiContext } from '../../api/ApiContext';
import { createApi } from '../../api/client';
import type { components } from '../../api/schema';
import type { Session } from '../../api/types';
import { AntdScope } from '../../components/AntdScope';
import { AppProviders } from '../../components/AppProviders';
import { id, json, notFound } from '../../test-support';
import { InboxPage } from './InboxPage';

const firmStaff: Session['user'] = {
  id: id(5),
  login: 'firm1',
  displayName: '城西机械',
  mustChangePassword: false,
  grants: [{ role: 'enterprise', unitId: id(2) }],
};
const departmentStaff: Session['user'] = {
  id: id(6),
  login: 'dept',
  displayName: '区发展改革委',
  mustChangePassword: false,
  grants: [{ role: 'department_staff', unitId: id(3) }],
};

const requestId = id(40);
const messages: Array<components['schemas']['InboxItem']> = [
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

const citizen: Session['user'] = {
  id: id(7),
  login: 'citizen',
  displayName: '张三',
  mustChangePassword: false,
  grants: [{ role: 'citizen', unitId: id(2) }],
};

function renderInbox(user: Session['user'], read: string[], items = messages) {
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
  render(
    <ApiContext value={api}>
      <AppProviders>
        <AntdScope>
          <RouterProvider router={router} />
        </AntdScope>
      </AppProviders>
    </ApiContext>,
  );
}

describe('a message about a firm’s request', () => {
  it('opens the request’s page for the firm’s staff, and is read once opened', async () => {
    const read: string[] = [];
    renderInbox(firmStaff, read);
    const link = await screen.findByRole('link', {
      name: '您的诉求“用电增容”已交由区发展改革委办理，答复期限为 2026-12-18',
    });
    expect(link.getAttribute('href')).toBe(`/firm/requests/${requestId}`);
    // A message that names no page stays plain text.
    expect(screen.getAllByRole('link')).toHaveLength(1);
    fireEvent.click(link);
    expect(await screen.findByText(`request page ${requestId}`)).toBeTruthy();
    await waitFor(() => expect(read).toEqual([id(1)]));
  });

  it('opens the request in the console’s drawer for a department’s staff, by its address', async () => {
    const read: string[] = [];
    const routed = {
      ...messages[0]!,
      key: 'business.notice.routed',
      params: { requestId, department: '区发展改革委', title: '用电增容' },
    };
    renderInbox(departmentStaff, read, [routed]);
    const link = await screen.findByRole('link', {
      name: '企业诉求“用电增容”已分办至区发展改革委，请及时答复',
    });
    expect(link.getAttribute('href')).toBe(`/admin/business/requests?request=${requestId}`);
    fireEvent.click(link);
    expect(await screen.findByText(`console request ${requestId}`)).toBeTruthy();
    await waitFor(() => expect(read).toEqual([id(1)]));
  });
});

describe('a message about a suggestion', () => {
  const suggestionId = id(50);
  const about = (key: string) => ({
    id: id(key.length),
    key: `ideas.notice.${key}`,
    params: { suggestionId, title: `${key}的建议` },
    at: '2026-12-04T02:00:00.000Z',
    readAt: null,
  });

  it('names the suggestion and opens its public page once it passed screening', async () => {
    const read: string[] = [];
    renderInbox(citizen, read, [about('accepted')]);
    const link = await screen.findByRole('link', { name: '建议“accepted的建议”已通过初筛' });
    expect(link.getAttribute('href')).toBe(`/ideas/${suggestionId}`);
    fireEvent.click(link);
    expect(await screen.findByText(`suggestion page ${suggestionId}`)).toBeTruthy();
    await waitFor(() => expect(read).toEqual([id('accepted'.length)]));
  });

  it('opens the author’s own list for a suggestion the public cannot read', async () => {
    renderInbox(citizen, [], [about('rejected')]);
    const link = await screen.findByRole('link', { name: '建议“rejected的建议”未通过初筛' });
    expect(link.getAttribute('href')).toBe('/ideas/mine');
  });
});

describe('a message about a reform project', () => {
  const projectId = id(60);
  const reportId = id(61);
  const notice = (key: string, params: Record<string, unknown>) => ({
    id: id(key.length),
    key: `reforms.notice.${key}`,
    params,
    at: '2026-12-04T02:00:00.000Z',
    readAt: null,
  });

  it('opens the project a change of its deadline is about, for the lead unit', async () => {
    const read: string[] = [];
    const moved = notice('deadlineMoved', {
      projectId,
      projectName: '企业开办一日办结',
      from: '2026-12-31',
      to: '2027-06-30',
    });
    renderInbox(departmentStaff, read, [moved]);
    const link = await screen.findByRole('link', {
      name: '区委改革办将“企业开办一日办结”的完成时限由 2026-12-31 调整为 2027-06-30',
    });
    expect(link.getAttribute('href')).toBe(`/admin/reforms/projects/${projectId}`);
    fireEvent.click(link);
    expect(await screen.findByText(`reform project ${projectId}`)).toBeTruthy();
  });

  it('opens the report a returned report’s message is about', async () => {
    const returned = notice('returned', {
      reportId,
      projectName: '企业开办一日办结',
      period: '2026-11',
      reason: '补充文号',
    });
    renderInbox(departmentStaff, [], [returned]);
    const link = await screen.findByRole('link', { name: /企业开办一日办结.*被退回：补充文号/ });
    expect(link.getAttribute('href')).toBe(`/admin/reforms/reports/${reportId}`);
  });
});

describe('an inspector’s message of a visit assigned', () => {
  it('names the firm and the date, opens the visit’s page, and is read once opened', async () => {
    const read: string[] = [];
    const visitId = id(60);
    const assigned = {
      id: id(9),
      key: 'inspections.notice.assigned',
      params: { visitId, firm: '城西机械', date: '2026-12-16', departments: '区市场监管局、区应急管理局' },
      at: '2026-12-04T02:00:00.000Z',
      readAt: null,
    };
    renderInbox(departmentStaff, read, [assigned]);
    const link = await screen.findByRole('link', {
      name: '检查安排：2026-12-16 您将参加对城西机械的联合检查（区市场监管局、区应急管理局）',
    });
    expect(link.getAttribute('href')).toBe(`/inspections/visits/${visitId}`);
    fireEvent.click(link);
    expect(await screen.findByText(`visit page ${visitId}`)).toBeTruthy();
    await waitFor(() => expect(read).toEqual([id(9)]));
  });
});

describe('a unit’s message about its catch-up plan, report or ranking', () => {
  const notice = (key: string, params: Record<string, unknown>) => ({
    id: id(key.length),
    key,
    params,
    at: '2026-12-04T02:00:00.000Z',
    readAt: null,
  });

  it('opens the plan returned, with its reason, and is read once opened', async () => {
    const read: string[] = [];
    const planId = id(70);
    const returned = notice('targets.plan.returned', {
      planId,
      year: 2026,
      unit: '区发展改革委',
      reason: '补充对标依据',
    });
    renderInbox(departmentStaff, read, [returned]);
    const link = await screen.findByRole('link', {
      name: '区发展改革委2026年追赶实施计划被退回：补充对标依据',
    });
    expect(link.getAttribute('href')).toBe(`/admin/targets/plans/${planId}`);
    fireEvent.click(link);
    expect(await screen.findByText(`targets plan ${planId}`)).toBeTruthy();
    await waitFor(() => expect(read).toEqual([id('targets.plan.returned'.length)]));
  });

  it('opens the quarterly report approved', async () => {
    const reportId = id(71);
    const approved = notice('targets.report.approved', {
      reportId,
      period: '2026Q3',
      year: 2026,
      q: 3,
      unit: '区发展改革委',
    });
    renderInbox(departmentStaff, [], [approved]);
    const link = await screen.findByRole('link', { name: '区发展改革委2026年第3季度报送已审核通过' });
    expect(link.getAttribute('href')).toBe(`/admin/targets/reports/${reportId}`);
  });

  it('opens the leaderboard of the quarter published', async () => {
    const published = notice('targets.scorecard.published', { period: '2026Q3', year: 2026, q: 3 });
    renderInbox(departmentStaff, [], [published]);
    const link = await screen.findByRole('link', { name: '2026年第3季度赶超晾晒榜已发布' });
    expect(link.getAttribute('href')).toBe('/targets/leaderboard?quarter=2026Q3');
    fireEvent.click(link);
    expect(await screen.findByText('leaderboard 2026Q3')).toBeTruthy();
  });
});
