import { render } from '@testing-library/react';
import type { ComponentType } from 'react';
import { createMemoryRouter, type InitialEntry, RouterProvider } from 'react-router';
import { ApiContext } from './api/ApiContext';
import { createApi } from './api/client';
import { AntdScope } from './components/AntdScope';
import { AppProviders } from './components/AppProviders';
import type { CalendarYear } from './pages/admin/calendar/api';
import type { Firm } from './pages/business/shared';
import type { PublicCampaign, PublicSuggestion } from './pages/ideas/shared';

/** A JSON reply of the fake API (a problem's media type from 400 on). */
export function json(body: unknown, status = 200) {
  const type = status >= 400 ? 'application/problem+json' : 'application/json';
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
}

/** The server's 400 for input that fails its checks, with these field errors. */
export const validationProblem = (
  errors: Array<{ path: string; message: string; code: string; params?: Record<string, unknown> }>,
) => json({ type: 'about:blank', title: 'Invalid input', status: 400, code: 'VALIDATION', errors }, 400);

/** What the fake API says to any path it does not know. */
export const notFound = () =>
  json({ type: 'about:blank', title: 'Not Found', status: 404, code: 'NOT_FOUND' }, 404);

/** What the fake API says when the server cannot answer: a page's failed load. */
export const unavailable = () =>
  json({ type: 'about:blank', title: 'x', status: 503, code: 'UNAVAILABLE' }, 503);

/**
 * Renders one page, as the app would at `url` (matched by `pattern`), with the app's providers
 * and a client whose requests go to `fetch` (the fake API of the test).
 */
export function renderRoute(
  pattern: string,
  Component: ComponentType,
  fetch: (request: Request) => Promise<Response>,
  url = pattern,
) {
  return renderRoutes([{ path: pattern, Component }], fetch, url);
}

/** What any other address shows. */
const Nothing = () => null;

/**
 * {@link renderRoute} for several pages, for a test that follows a link from one to another:
 * `at` is where it starts (an address, or one with the state a link would give it).
 */
export function renderRoutes(
  routes: Array<{ path: string; Component: ComponentType }>,
  fetch: (request: Request) => Promise<Response>,
  at: InitialEntry,
) {
  const api = createApi({ fetch, baseUrl: 'http://localhost', locale: () => 'zh-CN' });
  // Any other address (a page that sends the reader to sign in, say) renders nothing: the test
  // reads where the router went, and the router does not warn that no route matches.
  const router = createMemoryRouter([...routes, { path: '*', Component: Nothing }], {
    initialEntries: [at],
  });
  render(
    <ApiContext value={api}>
      <AppProviders>
        {/* As the router's antd pages have it (AntdOutlet); for a plain page it changes nothing. */}
        <AntdScope>
          <RouterProvider router={router} />
        </AntdScope>
      </AppProviders>
    </ApiContext>,
  );
  // For a test that reads the address, or goes back and forward.
  return router;
}

/** A stable UUID for fixtures: id(1) is …000000000001. */
export const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** The district office signed in, as the session endpoint gives it (pages rendered without the console's frame). */
export const officeSession = {
  user: { id: id(9), login: 'office', displayName: '活动办', mustChangePassword: false, grants: [] },
  csrfToken: 'token',
  menu: [{ path: '/admin', label: 'admin.menu.overview' }],
  abilities: [],
};

/** A public suggestion for page tests (town id(5)); `overrides` change what a test is about. */
export function publicSuggestion(overrides: Partial<PublicSuggestion> = {}): PublicSuggestion {
  return {
    id: id(1),
    title: '高铁站开通夜班公交',
    body: '晚上到站的旅客打不到车，建议开通夜班公交。',
    domain: 'transport',
    townId: id(5),
    authorKind: 'resident',
    channel: 'online',
    status: 'accepted',
    mergedInto: null,
    supports: 3,
    createdAt: '2020-04-20T02:00:00.000Z',
    ...overrides,
  };
}

/** The current campaign for page tests, with nothing configured; `overrides` add what a test needs. */
export function publicCampaign(overrides: Partial<PublicCampaign> = {}): PublicCampaign {
  return {
    id: id(9),
    code: 'qj-2020',
    theme: '迎接高铁时代 建设中心城市',
    startsOn: '2020-04-01',
    endsOn: '2020-06-30',
    focusAreas: [],
    domains: [],
    channels: ['online'],
    authorKinds: ['resident'],
    rubric: [],
    rejectReasons: [],
    listSizes: {},
    reviewersPerItem: 3,
    maxReviewsPerExpert: null,
    reviewMethod: 'z',
    shortlistQuota: { perDomain: 20, byDomain: {} },
    publication: 'after_acceptance',
    survey: [],
    intakeOpen: true,
    ...overrides,
  };
}

/** A street for page tests that pick a town (id(5), 城东街道). */
export const sampleTown = {
  id: id(5),
  code: 'QJ-S01',
  name: '城东街道',
  kind: 'subdistrict',
  parentId: null,
  path: '/',
};

/** A year loaded from its notice, as the calendar's list gives it (the dates in 2027). */
export function loadedCalendarYear(
  holidays: CalendarYear['arrangement']['holidays'],
  workdays: CalendarYear['arrangement']['workdays'] = [],
): CalendarYear {
  return {
    year: 2027,
    builtIn: false,
    arrangement: {
      year: 2027,
      sources: [
        {
          title: '国务院办公厅关于2027年部分节假日安排的通知',
          number: '国办发明电〔2026〕9号',
          issued: '2026-11-04',
          url: 'https://www.gov.cn/zhengce/2027.htm',
        },
      ],
      holidays,
      workdays,
    },
    loadedAt: '2026-11-05T02:30:00.000Z',
    loadedBy: '活动办',
    allowed: ['unload'],
  };
}

/** A firm as the firms' list gives it, in the sample town; `overrides` changes what a test needs. */
export function sampleFirm(overrides: Partial<Firm> = {}): Firm {
  return {
    id: id(1),
    name: '重庆黔龙食品有限公司',
    creditCode: '91500114MA5U7K3L2N',
    industryCode: 'C',
    industryName: '制造业',
    townId: sampleTown.id,
    townName: sampleTown.name,
    size: 'small',
    contacts: [{ name: '张三', phone: '13912345678' }],
    createdAt: '2026-01-05T02:00:00.000Z',
    updatedAt: '2026-01-05T02:00:00.000Z',
    actions: { update: true, manageStaff: false },
    ...overrides,
  };
}
