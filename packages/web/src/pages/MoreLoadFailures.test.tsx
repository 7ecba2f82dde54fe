import '../i18n';
import { screen } from '@testing-library/react';
import type { ComponentType } from 'react';
import { describe, expect, it } from 'vitest';
import type { components } from '../api/schema';
import { id, json, notFound, renderRoute, unavailable } from '../test-support';
import { CheckpointsPage } from './audit/CheckpointsPage';
import { FirmSurveyPage } from './business/FirmSurveyPage';
import { FirmSurveysPage } from './business/FirmSurveysPage';
import { LiaisonPage } from './business/LiaisonPage';
import { MyRequestPage } from './business/MyRequestPage';
import { PublicSurveyAnswerPage } from './business/PublicSurveyAnswerPage';
import { PublicSurveyResultsPage } from './business/PublicSurveyResultsPage';
import { InvestmentDashboardPage } from './business/projects/InvestmentDashboardPage';
import { FirmResultsSection } from './inspections/FirmResultsSection';
import { FirmVisitPage } from './inspections/FirmVisitPage';
import { InspectorVisitPage } from './inspections/InspectorVisitPage';
import { MyVisitsSection } from './inspections/MyVisitsSection';
import { TasksPage } from './inspections/TasksPage';
import { PlanEditorPage } from './targets/PlanEditorPage';
import { ReportFormPage } from './targets/ReportFormPage';

const NOT_THERE = '页面不存在';

const someone = {
  user: { id: id(9), login: 'someone', displayName: '张三', mustChangePassword: false, grants: [] },
  csrfToken: 'token',
  menu: [{ path: '/admin', label: 'admin.menu.overview' }],
  abilities: [],
};
const signedOut = { user: null, csrfToken: 'token', menu: [], abilities: [] };

/** A server that answers the session and fails everything else, as a server fault or a lost network would. */
const failing =
  (session: unknown) =>
  async (request: Request): Promise<Response> =>
    new URL(request.url).pathname === '/api/v1/auth/session' ? json(session) : unavailable();

/**
 * Each page: its route, the address opened, who is signed in, and what would have read as an
 * answer had the failure not been said (a text, or an element's test id).
 */
const pages: Array<[string, ComponentType, string, unknown, { text?: string; testId?: string }]> = [
  [
    '/admin/business/investment',
    InvestmentDashboardPage,
    '/admin/business/investment',
    someone,
    { testId: 'dashboard-figures' },
  ],
  [
    '/admin/business/liaison',
    LiaisonPage,
    '/admin/business/liaison',
    someone,
    { text: '没有符合条件的企业' },
  ],
  ['/admin/inspections/tasks', TasksPage, '/admin/inspections/tasks', someone, { text: '暂无数据' }],
  [
    '/admin/targets/plans/:id',
    PlanEditorPage,
    `/admin/targets/plans/${id(2)}`,
    someone,
    { testId: 'plan-save', text: NOT_THERE },
  ],
  [
    '/admin/targets/reports/:id',
    ReportFormPage,
    `/admin/targets/reports/${id(1)}`,
    someone,
    { testId: 'report-save', text: NOT_THERE },
  ],
  ['/audit/checkpoints', CheckpointsPage, '/audit/checkpoints', signedOut, { text: '尚无检查点' }],
  ['/firm/surveys', FirmSurveysPage, '/firm/surveys', someone, { text: '还没有问卷。' }],
  ['/firm/surveys/:id', FirmSurveyPage, `/firm/surveys/${id(3)}`, someone, { text: NOT_THERE }],
  ['/firm/visits/:id', FirmVisitPage, `/firm/visits/${id(4)}`, someone, { text: NOT_THERE }],
  [
    '/inspections/visits/:id',
    InspectorVisitPage,
    `/inspections/visits/${id(5)}`,
    someone,
    { text: NOT_THERE },
  ],
  // The firm's own page is made of sections that load apart: each says so in its part.
  ['/firm/my-results', FirmResultsSection, '/firm/my-results', someone, { text: '还没有已完成的检查' }],
  ['/firm/my-visits', MyVisitsSection, '/firm/my-visits', someone, { text: '近期没有安排检查' }],
  ['/firm/requests/:id', MyRequestPage, `/firm/requests/${id(6)}`, someone, { text: NOT_THERE }],
  [
    '/business/surveys/:id',
    PublicSurveyResultsPage,
    `/business/surveys/${id(7)}`,
    signedOut,
    { text: NOT_THERE },
  ],
  [
    '/business/surveys/:id/answer',
    PublicSurveyAnswerPage,
    `/business/surveys/${id(7)}/answer`,
    signedOut,
    { text: NOT_THERE },
  ],
];

describe('a page whose data fails to load', () => {
  it.each(pages)(
    '%s says it failed, with a retry, not that there is nothing',
    async (pattern, Page, url, session, nothing) => {
      renderRoute(pattern, Page, failing(session), url);
      expect((await screen.findAllByTestId('load-retry', {}, { timeout: 10_000 })).length).toBeGreaterThan(0);
      if (nothing.text) expect(screen.queryByText(nothing.text, { exact: false })).toBeNull();
      if (nothing.testId) expect(screen.queryByTestId(nothing.testId)).toBeNull();
    },
  );
});

describe('a record the address names that is not there', () => {
  it.each([
    ['/admin/targets/plans/:id', PlanEditorPage, `/admin/targets/plans/${id(2)}`],
    ['/admin/targets/reports/:id', ReportFormPage, `/admin/targets/reports/${id(1)}`],
    ['/firm/visits/:id', FirmVisitPage, `/firm/visits/${id(4)}`],
    ['/inspections/visits/:id', InspectorVisitPage, `/inspections/visits/${id(5)}`],
    ['/firm/requests/:id', MyRequestPage, `/firm/requests/${id(6)}`],
    ['/business/surveys/:id', PublicSurveyResultsPage, `/business/surveys/${id(7)}`],
    ['/business/surveys/:id/answer', PublicSurveyAnswerPage, `/business/surveys/${id(7)}/answer`],
  ] as Array<[string, ComponentType, string]>)(
    '%s says it is not there, with no retry and no form',
    async (pattern, Page, url) => {
      renderRoute(
        pattern,
        Page,
        async (request) =>
          new URL(request.url).pathname === '/api/v1/auth/session' ? json(someone) : notFound(),
        url,
      );
      expect(await screen.findByText(NOT_THERE, {}, { timeout: 10_000 })).toBeTruthy();
      expect(screen.queryByTestId('load-retry')).toBeNull();
    },
  );
});

describe('a survey whose firm’s answers fail to load', () => {
  it('says so, with a retry, and offers no form that could be answered a second time', async () => {
    const survey: components['schemas']['BusinessSurvey'] = {
      id: id(3),
      title: '2026年第四季度千企万众评效能',
      opensOn: '2026-10-01',
      closesOn: '2099-12-31',
      audience: 'both',
      status: 'open',
      closedOn: null,
      questions: [{ id: 'efficiency', text: '办事效率', textEn: 'Efficiency' }],
      departments: [{ departmentId: id(2), departmentName: '区税务局', extraQuestions: [] }],
    };
    renderRoute(
      '/firm/surveys/:id',
      FirmSurveyPage,
      async (request) => {
        const path = new URL(request.url).pathname;
        if (path === '/api/v1/auth/session') return json(someone);
        if (path === `/api/v1/business/firm-surveys/${id(3)}`) return json(survey);
        return unavailable();
      },
      `/firm/surveys/${id(3)}`,
    );
    expect(await screen.findByTestId('load-retry', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByText(survey.title)).toBeTruthy();
    expect(screen.queryByTestId('survey-department')).toBeNull();
  });
});
