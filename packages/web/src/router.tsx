import { createBrowserRouter, type RouteObject } from 'react-router';
import { PageSkeleton } from './components/PageSkeleton';
import { PublicLayout } from './components/PublicLayout';
import { RouteError } from './components/RouteError';
import { type TextPart, withTexts } from './i18n';

/** The handle of the console's catch-all route (see AdminLayout). */
const consoleNotFound = { notFound: true };
const notFound = () => import('./pages/NotFoundPage').then((m) => ({ Component: m.NotFoundPage }));

/**
 * A lazy page: its module and the texts it shows beyond the entry's load side by side, and it
 * renders once both are in, so it never shows a key in place of a word (the shell's skeleton or
 * the page before stays meanwhile). build/page-chunks.ts reads the import and the parts from here.
 */
function page<M, K extends keyof M>(module: Promise<M>, name: K, texts: readonly TextPart[] = []) {
  return withTexts(module, texts).then((m) => ({ Component: m[name] }));
}

/**
 * Every page loads on demand: the entry holds only the shell, so the public site never
 * downloads the admin console or ECharts (scripts/check-bundle.mjs keeps it so). While the
 * first page's code loads, the public site shows its header with a skeleton below it (the
 * pathless route's HydrateFallback), and the console a skeleton of its own.
 */
export const routes: RouteObject[] = [
  {
    path: '/',
    Component: PublicLayout,
    children: [
      {
        HydrateFallback: PageSkeleton,
        // Under the site's header, so a failed page still offers the way on.
        ErrorBoundary: RouteError,
        children: [
          { index: true, lazy: () => page(import('./pages/home/HomePage'), 'HomePage') },
          { path: 'ideas', lazy: () => page(import('./pages/ideas/BrowsePage'), 'BrowsePage') },
          { path: 'ideas/submit', lazy: () => page(import('./pages/ideas/SubmitPage'), 'SubmitPage') },
          { path: 'ideas/track/:code?', lazy: () => page(import('./pages/ideas/TrackPage'), 'TrackPage') },
          { path: 'ideas/:id', lazy: () => page(import('./pages/ideas/DetailPage'), 'DetailPage') },
          {
            // These pages use antd, whose configuration (AntdScope) loads with the first of them;
            // the pages a citizen lands on above are plain elements and do without it.
            lazy: () => import('./components/AntdScope').then((m) => ({ Component: m.AntdOutlet })),
            children: [
              { path: 'login', lazy: () => page(import('./pages/auth/LoginPage'), 'LoginPage') },
              { path: 'register', lazy: () => page(import('./pages/auth/RegisterPage'), 'RegisterPage') },
              { path: 'recover', lazy: () => page(import('./pages/auth/RecoverPage'), 'RecoverPage') },
              { path: 'invite/:token', lazy: () => page(import('./pages/auth/InvitePage'), 'InvitePage') },
              {
                path: 'account/password',
                lazy: () => page(import('./pages/auth/ChangePasswordPage'), 'ChangePasswordPage'),
              },
              {
                path: 'account/devices',
                lazy: () => page(import('./pages/auth/DevicesPage'), 'DevicesPage'),
              },
              {
                path: 'inbox',
                // The server words a notice by its module's key (business.notice.answered): the
                // areas that send notices beyond the entry's ideas come with the inbox.
                lazy: () =>
                  page(import('./pages/inbox/InboxPage'), 'InboxPage', [
                    'business',
                    'inspections',
                    'reforms',
                    'targets',
                  ]),
              },
              {
                path: 'targets/leaderboard',
                lazy: () => page(import('./pages/targets/LeaderboardPage'), 'LeaderboardPage', ['targets']),
              },
              { path: 'ideas/mine', lazy: () => import('./pages/ideas/MySuggestionsPage') },
              { path: 'ideas/lists', lazy: () => page(import('./pages/ideas/ListsPage'), 'ListsPage') },
              { path: 'ideas/actions', lazy: () => page(import('./pages/ideas/ActionsPage'), 'ActionsPage') },
              { path: 'ideas/stats', lazy: () => page(import('./pages/ideas/StatsPage'), 'StatsPage') },
              {
                path: 'ideas/survey',
                lazy: () => page(import('./pages/ideas/SurveyPage'), 'SurveyPage'),
              },
              {
                path: 'firm',
                lazy: () =>
                  page(import('./pages/business/MyFirmPage'), 'MyFirmPage', ['business', 'inspections']),
              },
              {
                path: 'firm/requests',
                lazy: () => page(import('./pages/business/MyRequestsPage'), 'MyRequestsPage', ['business']),
              },
              {
                path: 'firm/requests/:id',
                lazy: () => page(import('./pages/business/MyRequestPage'), 'MyRequestPage', ['business']),
              },
              {
                path: 'firm/surveys',
                lazy: () => page(import('./pages/business/FirmSurveysPage'), 'FirmSurveysPage', ['business']),
              },
              {
                path: 'firm/surveys/:id',
                lazy: () => page(import('./pages/business/FirmSurveyPage'), 'FirmSurveyPage', ['business']),
              },
              {
                path: 'business/surveys',
                lazy: () =>
                  page(import('./pages/business/PublicSurveysPage'), 'PublicSurveysPage', ['business']),
              },
              {
                path: 'business/surveys/:id',
                lazy: () =>
                  page(import('./pages/business/PublicSurveyResultsPage'), 'PublicSurveyResultsPage', [
                    'business',
                  ]),
              },
              {
                path: 'business/surveys/:id/answer',
                lazy: () =>
                  page(import('./pages/business/PublicSurveyAnswerPage'), 'PublicSurveyAnswerPage', [
                    'business',
                  ]),
              },
              {
                path: 'business/scorecard',
                lazy: () =>
                  page(import('./pages/business/PublicScorecardPage'), 'PublicScorecardPage', ['business']),
              },
              {
                path: 'inspections/draws',
                lazy: () =>
                  page(import('./pages/inspections/PublicDrawsPage'), 'PublicDrawsPage', ['inspections']),
              },
              {
                path: 'inspections/results',
                lazy: () =>
                  page(import('./pages/inspections/PublicResultsPage'), 'PublicResultsPage', ['inspections']),
              },
              {
                path: 'inspections/check/:code',
                lazy: () => page(import('./pages/inspections/CheckPage'), 'CheckPage', ['inspections']),
              },
              {
                path: 'inspections/visits',
                lazy: () =>
                  page(import('./pages/inspections/InspectorVisitsPage'), 'InspectorVisitsPage', [
                    'inspections',
                  ]),
              },
              {
                path: 'inspections/visits/:id',
                lazy: () =>
                  page(import('./pages/inspections/InspectorVisitPage'), 'InspectorVisitPage', [
                    'inspections',
                  ]),
              },
              {
                path: 'firm/visits/:id',
                lazy: () =>
                  page(import('./pages/inspections/FirmVisitPage'), 'FirmVisitPage', ['inspections']),
              },
              {
                path: 'reforms',
                lazy: () =>
                  page(import('./pages/reforms/PublicReformsPage'), 'PublicReformsPage', ['reforms']),
              },
              {
                path: 'reforms/battles',
                lazy: () =>
                  page(import('./pages/reforms/PublicBattlesPage'), 'PublicBattlesPage', ['reforms']),
              },
              {
                path: 'reforms/cases',
                lazy: () => page(import('./pages/reforms/PublicCasesPage'), 'PublicCasesPage', ['reforms']),
              },
              {
                path: 'reforms/cases/:id',
                lazy: () => page(import('./pages/reforms/PublicCasePage'), 'PublicCasePage', ['reforms']),
              },
              {
                path: 'reforms/learning',
                lazy: () =>
                  page(import('./pages/reforms/learning/PublicLearningPage'), 'PublicLearningPage', [
                    'reforms',
                  ]),
              },
              {
                path: 'reforms/:id',
                lazy: () =>
                  page(import('./pages/reforms/PublicProjectPage'), 'PublicProjectPage', ['reforms']),
              },
              {
                path: 'audit/checkpoints',
                lazy: () => page(import('./pages/audit/CheckpointsPage'), 'CheckpointsPage', ['audit']),
              },
              { path: '*', lazy: notFound },
            ],
          },
        ],
      },
    ],
  },
  {
    path: '/admin',
    HydrateFallback: PageSkeleton,
    ErrorBoundary: RouteError,
    lazy: () => page(import('./pages/admin/AdminLayout'), 'AdminLayout', ['admin']),
    children: [
      {
        index: true,
        // The work waiting is named by each area's texts (`${module}.waiting.…`).
        lazy: () =>
          page(import('./pages/admin/OverviewPage'), 'OverviewPage', [
            'business',
            'ideasDesk',
            'inspections',
            'reforms',
            'targets',
          ]),
      },
      { path: 'users', lazy: () => page(import('./pages/users/UsersPage'), 'UsersPage', ['users']) },
      { path: 'units', lazy: () => page(import('./pages/units/UnitsPage'), 'UnitsPage', ['units']) },
      { path: 'audit', lazy: () => page(import('./pages/audit/AuditPage'), 'AuditPage', ['audit']) },
      {
        path: 'calendar',
        lazy: () => page(import('./pages/admin/calendar/CalendarPage'), 'CalendarPage', ['calendar']),
      },
      {
        path: 'targets/indicators',
        lazy: () => page(import('./pages/targets/IndicatorsPage'), 'IndicatorsPage', ['targets']),
      },
      {
        path: 'targets/benchmarks',
        lazy: () => page(import('./pages/targets/BenchmarksPage'), 'BenchmarksPage', ['targets']),
      },
      {
        path: 'targets/plans',
        lazy: () => page(import('./pages/targets/PlansPage'), 'PlansPage', ['targets']),
      },
      {
        path: 'targets/plans/:id',
        lazy: () => page(import('./pages/targets/PlanEditorPage'), 'PlanEditorPage', ['targets']),
      },
      {
        path: 'targets/reports',
        lazy: () => page(import('./pages/targets/ReportsPage'), 'ReportsPage', ['targets']),
      },
      {
        path: 'targets/reports/:id',
        lazy: () => page(import('./pages/targets/ReportFormPage'), 'ReportFormPage', ['targets']),
      },
      {
        path: 'targets/scorecards',
        lazy: () => page(import('./pages/targets/ScorecardsPage'), 'ScorecardsPage', ['targets']),
      },
      {
        path: 'targets/regional',
        lazy: () => page(import('./pages/targets/RegionalPage'), 'RegionalPage', ['targets']),
      },
      {
        path: 'ideas/campaigns',
        lazy: () => page(import('./pages/ideas/admin/CampaignsPage'), 'CampaignsPage', ['ideasDesk']),
      },
      {
        path: 'ideas/screening',
        lazy: () => page(import('./pages/ideas/admin/ScreeningPage'), 'ScreeningPage', ['ideasDesk']),
      },
      {
        path: 'ideas/comments',
        lazy: () => page(import('./pages/ideas/admin/CommentsPage'), 'CommentsPage', ['ideasDesk']),
      },
      {
        path: 'ideas/reviews',
        lazy: () => page(import('./pages/ideas/admin/ReviewPage'), 'ReviewPage', ['ideasDesk']),
      },
      {
        path: 'ideas/selection',
        lazy: () => page(import('./pages/ideas/admin/SelectionPage'), 'SelectionPage', ['ideasDesk']),
      },
      {
        path: 'ideas/actions',
        lazy: () =>
          page(import('./pages/ideas/admin/AdoptionPage'), 'AdoptionPage', ['ideasDesk', 'reforms']),
      },
      {
        path: 'ideas/events',
        lazy: () => page(import('./pages/ideas/admin/EventsPage'), 'EventsPage', ['ideasDesk']),
      },
      {
        path: 'ideas/events/:id',
        lazy: () => page(import('./pages/ideas/admin/EventPage'), 'EventPage', ['ideasDesk']),
      },
      {
        path: 'ideas/dashboard',
        lazy: () => page(import('./pages/ideas/admin/DashboardPage'), 'DashboardPage', ['ideasDesk']),
      },
      {
        path: 'ideas/survey',
        lazy: () => page(import('./pages/ideas/admin/SurveyResultsPage'), 'SurveyResultsPage', ['ideasDesk']),
      },
      {
        path: 'business/firms',
        lazy: () => page(import('./pages/business/FirmsPage'), 'FirmsPage', ['business', 'users']),
      },
      {
        path: 'business/surveys',
        lazy: () => page(import('./pages/business/SurveysConsolePage'), 'SurveysConsolePage', ['business']),
      },
      {
        path: 'business/supervision',
        lazy: () => page(import('./pages/business/SupervisionPage'), 'SupervisionPage', ['business']),
      },
      {
        path: 'business/liaison',
        lazy: () => page(import('./pages/business/LiaisonPage'), 'LiaisonPage', ['business']),
      },
      {
        path: 'business/projects',
        lazy: () => page(import('./pages/business/projects/ProjectsPage'), 'ProjectsPage', ['business']),
      },
      {
        path: 'business/investment',
        lazy: () =>
          page(import('./pages/business/projects/InvestmentDashboardPage'), 'InvestmentDashboardPage', [
            'business',
          ]),
      },
      {
        path: 'business/requests',
        lazy: () => page(import('./pages/business/RequestsConsolePage'), 'RequestsConsolePage', ['business']),
      },
      {
        path: 'reforms/projects',
        lazy: () => page(import('./pages/reforms/LedgerPage'), 'LedgerPage', ['reforms']),
      },
      {
        path: 'reforms/projects/:id',
        lazy: () => page(import('./pages/reforms/ProjectPage'), 'ProjectPage', ['reforms']),
      },
      {
        path: 'reforms/reports',
        lazy: () => page(import('./pages/reforms/ReportsPage'), 'ReportsPage', ['reforms']),
      },
      {
        path: 'reforms/reports/:id',
        lazy: () => page(import('./pages/reforms/ReportFormPage'), 'ReportFormPage', ['reforms']),
      },
      {
        path: 'reforms/lists',
        lazy: () => page(import('./pages/reforms/ListsPage'), 'ListsPage', ['reforms']),
      },
      {
        path: 'reforms/battles',
        lazy: () => page(import('./pages/reforms/BattlesPage'), 'BattlesPage', ['reforms']),
      },
      {
        path: 'reforms/cases',
        lazy: () => page(import('./pages/reforms/CasesPage'), 'CasesPage', ['reforms']),
      },
      {
        path: 'reforms/learning',
        lazy: () => page(import('./pages/reforms/learning/LearningPage'), 'LearningPage', ['reforms']),
      },
      {
        path: 'reforms/learning/visits/:id',
        lazy: () => page(import('./pages/reforms/learning/VisitPage'), 'VisitPage', ['reforms']),
      },
      {
        path: 'inspections/tasks',
        lazy: () => page(import('./pages/inspections/TasksPage'), 'TasksPage', ['inspections']),
      },
      {
        path: 'inspections/plans',
        lazy: () => page(import('./pages/inspections/PlansPage'), 'PlansPage', ['inspections']),
      },
      {
        path: 'inspections/verify',
        lazy: () => page(import('./pages/inspections/VerifyListPage'), 'VerifyListPage', ['inspections']),
      },
      {
        path: 'inspections/items',
        lazy: () => page(import('./pages/inspections/ItemsPage'), 'ItemsPage', ['inspections']),
      },
      {
        path: 'inspections/inspectors',
        lazy: () => page(import('./pages/inspections/InspectorsPage'), 'InspectorsPage', ['inspections']),
      },
      {
        path: 'inspections/firms',
        lazy: () => page(import('./pages/inspections/FirmsPage'), 'FirmsPage', ['inspections']),
      },
      // No console page: AdminLayout says so rather than that the roles do not reach it.
      { path: '*', lazy: notFound, handle: consoleNotFound },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
