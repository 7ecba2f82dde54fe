import { createBrowserRouter, type RouteObject } from 'react-router';
import { PageSkeleton } from './components/PageSkeleton';
import { PublicLayout } from './components/PublicLayout';

const notFound = () => import('./pages/NotFoundPage').then((m) => ({ Component: m.NotFoundPage }));

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
        children: [
          {
            index: true,
            lazy: () => import('./pages/home/HomePage').then((m) => ({ Component: m.HomePage })),
          },
          {
            path: 'login',
            lazy: () => import('./pages/auth/LoginPage').then((m) => ({ Component: m.LoginPage })),
          },
          {
            path: 'register',
            lazy: () => import('./pages/auth/RegisterPage').then((m) => ({ Component: m.RegisterPage })),
          },
          {
            path: 'invite/:token',
            lazy: () => import('./pages/auth/InvitePage').then((m) => ({ Component: m.InvitePage })),
          },
          {
            path: 'account/password',
            lazy: () =>
              import('./pages/auth/ChangePasswordPage').then((m) => ({ Component: m.ChangePasswordPage })),
          },
          {
            path: 'inbox',
            lazy: () => import('./pages/inbox/InboxPage').then((m) => ({ Component: m.InboxPage })),
          },
          {
            path: 'targets/leaderboard',
            lazy: () =>
              import('./pages/targets/LeaderboardPage').then((m) => ({ Component: m.LeaderboardPage })),
          },
          {
            path: 'ideas',
            lazy: () => import('./pages/ideas/BrowsePage').then((m) => ({ Component: m.BrowsePage })),
          },
          {
            path: 'ideas/submit',
            lazy: () => import('./pages/ideas/SubmitPage').then((m) => ({ Component: m.SubmitPage })),
          },
          {
            path: 'ideas/track/:code?',
            lazy: () => import('./pages/ideas/TrackPage').then((m) => ({ Component: m.TrackPage })),
          },
          { path: 'ideas/mine', lazy: () => import('./pages/ideas/MySuggestionsPage') },
          {
            path: 'ideas/lists',
            lazy: () => import('./pages/ideas/ListsPage').then((m) => ({ Component: m.ListsPage })),
          },
          {
            path: 'ideas/actions',
            lazy: () => import('./pages/ideas/ActionsPage').then((m) => ({ Component: m.ActionsPage })),
          },
          {
            path: 'ideas/stats',
            lazy: () => import('./pages/ideas/StatsPage').then((m) => ({ Component: m.StatsPage })),
          },
          {
            path: 'ideas/survey',
            lazy: () => import('./pages/ideas/SurveyPage').then((m) => ({ Component: m.SurveyPage })),
          },
          {
            path: 'firm',
            lazy: () => import('./pages/business/MyFirmPage').then((m) => ({ Component: m.MyFirmPage })),
          },
          {
            path: 'firm/requests',
            lazy: () =>
              import('./pages/business/MyRequestsPage').then((m) => ({ Component: m.MyRequestsPage })),
          },
          {
            path: 'firm/requests/:id',
            lazy: () =>
              import('./pages/business/MyRequestPage').then((m) => ({ Component: m.MyRequestPage })),
          },
          {
            path: 'firm/surveys',
            lazy: () =>
              import('./pages/business/FirmSurveysPage').then((m) => ({ Component: m.FirmSurveysPage })),
          },
          {
            path: 'firm/surveys/:id',
            lazy: () =>
              import('./pages/business/FirmSurveyPage').then((m) => ({ Component: m.FirmSurveyPage })),
          },
          {
            path: 'business/surveys',
            lazy: () =>
              import('./pages/business/PublicSurveysPage').then((m) => ({ Component: m.PublicSurveysPage })),
          },
          {
            path: 'business/surveys/:id',
            lazy: () =>
              import('./pages/business/PublicSurveyResultsPage').then((m) => ({
                Component: m.PublicSurveyResultsPage,
              })),
          },
          {
            path: 'business/surveys/:id/answer',
            lazy: () =>
              import('./pages/business/PublicSurveyAnswerPage').then((m) => ({
                Component: m.PublicSurveyAnswerPage,
              })),
          },
          {
            path: 'business/scorecard',
            lazy: () =>
              import('./pages/business/PublicScorecardPage').then((m) => ({
                Component: m.PublicScorecardPage,
              })),
          },
          {
            path: 'inspections/draws',
            lazy: () =>
              import('./pages/inspections/PublicDrawsPage').then((m) => ({ Component: m.PublicDrawsPage })),
          },
          {
            path: 'inspections/results',
            lazy: () =>
              import('./pages/inspections/PublicResultsPage').then((m) => ({
                Component: m.PublicResultsPage,
              })),
          },
          {
            path: 'inspections/check/:code',
            lazy: () => import('./pages/inspections/CheckPage').then((m) => ({ Component: m.CheckPage })),
          },
          {
            path: 'inspections/visits',
            lazy: () =>
              import('./pages/inspections/InspectorVisitsPage').then((m) => ({
                Component: m.InspectorVisitsPage,
              })),
          },
          {
            path: 'inspections/visits/:id',
            lazy: () =>
              import('./pages/inspections/InspectorVisitPage').then((m) => ({
                Component: m.InspectorVisitPage,
              })),
          },
          {
            path: 'firm/visits/:id',
            lazy: () =>
              import('./pages/inspections/FirmVisitPage').then((m) => ({ Component: m.FirmVisitPage })),
          },
          {
            path: 'reforms',
            lazy: () =>
              import('./pages/reforms/PublicReformsPage').then((m) => ({ Component: m.PublicReformsPage })),
          },
          {
            path: 'reforms/battles',
            lazy: () =>
              import('./pages/reforms/PublicBattlesPage').then((m) => ({ Component: m.PublicBattlesPage })),
          },
          {
            path: 'reforms/cases',
            lazy: () =>
              import('./pages/reforms/PublicCasesPage').then((m) => ({ Component: m.PublicCasesPage })),
          },
          {
            path: 'reforms/cases/:id',
            lazy: () =>
              import('./pages/reforms/PublicCasePage').then((m) => ({ Component: m.PublicCasePage })),
          },
          {
            path: 'reforms/learning',
            lazy: () =>
              import('./pages/reforms/learning/PublicLearningPage').then((m) => ({
                Component: m.PublicLearningPage,
              })),
          },
          {
            path: 'reforms/:id',
            lazy: () =>
              import('./pages/reforms/PublicProjectPage').then((m) => ({ Component: m.PublicProjectPage })),
          },
          {
            path: 'audit/checkpoints',
            lazy: () =>
              import('./pages/audit/CheckpointsPage').then((m) => ({ Component: m.CheckpointsPage })),
          },
          {
            path: 'ideas/:id',
            lazy: () => import('./pages/ideas/DetailPage').then((m) => ({ Component: m.DetailPage })),
          },
          { path: '*', lazy: notFound },
        ],
      },
    ],
  },
  {
    path: '/admin',
    HydrateFallback: PageSkeleton,
    lazy: () => import('./pages/admin/AdminLayout').then((m) => ({ Component: m.AdminLayout })),
    children: [
      {
        index: true,
        lazy: () => import('./pages/admin/OverviewPage').then((m) => ({ Component: m.OverviewPage })),
      },
      {
        path: 'users',
        lazy: () => import('./pages/users/UsersPage').then((m) => ({ Component: m.UsersPage })),
      },
      {
        path: 'units',
        lazy: () => import('./pages/units/UnitsPage').then((m) => ({ Component: m.UnitsPage })),
      },
      {
        path: 'audit',
        lazy: () => import('./pages/audit/AuditPage').then((m) => ({ Component: m.AuditPage })),
      },
      {
        path: 'targets/indicators',
        lazy: () => import('./pages/targets/IndicatorsPage').then((m) => ({ Component: m.IndicatorsPage })),
      },
      {
        path: 'targets/plans',
        lazy: () => import('./pages/targets/PlansPage').then((m) => ({ Component: m.PlansPage })),
      },
      {
        path: 'targets/plans/:id',
        lazy: () => import('./pages/targets/PlanEditorPage').then((m) => ({ Component: m.PlanEditorPage })),
      },
      {
        path: 'targets/reports',
        lazy: () => import('./pages/targets/ReportsPage').then((m) => ({ Component: m.ReportsPage })),
      },
      {
        path: 'targets/reports/:id',
        lazy: () => import('./pages/targets/ReportFormPage').then((m) => ({ Component: m.ReportFormPage })),
      },
      {
        path: 'targets/scorecards',
        lazy: () => import('./pages/targets/ScorecardsPage').then((m) => ({ Component: m.ScorecardsPage })),
      },
      {
        path: 'targets/regional',
        lazy: () => import('./pages/targets/RegionalPage').then((m) => ({ Component: m.RegionalPage })),
      },
      {
        path: 'ideas/campaigns',
        lazy: () => import('./pages/ideas/admin/CampaignsPage').then((m) => ({ Component: m.CampaignsPage })),
      },
      {
        path: 'ideas/screening',
        lazy: () => import('./pages/ideas/admin/ScreeningPage').then((m) => ({ Component: m.ScreeningPage })),
      },
      {
        path: 'ideas/comments',
        lazy: () => import('./pages/ideas/admin/CommentsPage').then((m) => ({ Component: m.CommentsPage })),
      },
      {
        path: 'ideas/reviews',
        lazy: () => import('./pages/ideas/admin/ReviewPage').then((m) => ({ Component: m.ReviewPage })),
      },
      {
        path: 'ideas/selection',
        lazy: () => import('./pages/ideas/admin/SelectionPage').then((m) => ({ Component: m.SelectionPage })),
      },
      {
        path: 'ideas/actions',
        lazy: () => import('./pages/ideas/admin/AdoptionPage').then((m) => ({ Component: m.AdoptionPage })),
      },
      {
        path: 'ideas/events',
        lazy: () => import('./pages/ideas/admin/EventsPage').then((m) => ({ Component: m.EventsPage })),
      },
      { path: 'ideas/events/:id', lazy: () => import('./pages/ideas/admin/EventPage') },
      {
        path: 'ideas/dashboard',
        lazy: () => import('./pages/ideas/admin/DashboardPage').then((m) => ({ Component: m.DashboardPage })),
      },
      {
        path: 'ideas/survey',
        lazy: () =>
          import('./pages/ideas/admin/SurveyResultsPage').then((m) => ({ Component: m.SurveyResultsPage })),
      },
      {
        path: 'business/firms',
        lazy: () => import('./pages/business/FirmsPage').then((m) => ({ Component: m.FirmsPage })),
      },
      {
        path: 'business/surveys',
        lazy: () =>
          import('./pages/business/SurveysConsolePage').then((m) => ({ Component: m.SurveysConsolePage })),
      },
      {
        path: 'business/supervision',
        lazy: () =>
          import('./pages/business/SupervisionPage').then((m) => ({ Component: m.SupervisionPage })),
      },
      {
        path: 'business/liaison',
        lazy: () => import('./pages/business/LiaisonPage').then((m) => ({ Component: m.LiaisonPage })),
      },
      {
        path: 'business/projects',
        lazy: () =>
          import('./pages/business/projects/ProjectsPage').then((m) => ({ Component: m.ProjectsPage })),
      },
      {
        path: 'business/investment',
        lazy: () =>
          import('./pages/business/projects/InvestmentDashboardPage').then((m) => ({
            Component: m.InvestmentDashboardPage,
          })),
      },
      {
        path: 'business/requests',
        lazy: () =>
          import('./pages/business/RequestsConsolePage').then((m) => ({ Component: m.RequestsConsolePage })),
      },
      {
        path: 'reforms/projects',
        lazy: () => import('./pages/reforms/LedgerPage').then((m) => ({ Component: m.LedgerPage })),
      },
      {
        path: 'reforms/projects/:id',
        lazy: () => import('./pages/reforms/ProjectPage').then((m) => ({ Component: m.ProjectPage })),
      },
      {
        path: 'reforms/reports',
        lazy: () => import('./pages/reforms/ReportsPage').then((m) => ({ Component: m.ReportsPage })),
      },
      {
        path: 'reforms/reports/:id',
        lazy: () => import('./pages/reforms/ReportFormPage').then((m) => ({ Component: m.ReportFormPage })),
      },
      {
        path: 'reforms/lists',
        lazy: () => import('./pages/reforms/ListsPage').then((m) => ({ Component: m.ListsPage })),
      },
      {
        path: 'reforms/battles',
        lazy: () => import('./pages/reforms/BattlesPage').then((m) => ({ Component: m.BattlesPage })),
      },
      {
        path: 'reforms/cases',
        lazy: () => import('./pages/reforms/CasesPage').then((m) => ({ Component: m.CasesPage })),
      },
      {
        path: 'reforms/learning',
        lazy: () =>
          import('./pages/reforms/learning/LearningPage').then((m) => ({ Component: m.LearningPage })),
      },
      {
        path: 'reforms/learning/visits/:id',
        lazy: () => import('./pages/reforms/learning/VisitPage').then((m) => ({ Component: m.VisitPage })),
      },
      {
        path: 'inspections/tasks',
        lazy: () => import('./pages/inspections/TasksPage').then((m) => ({ Component: m.TasksPage })),
      },
      {
        path: 'inspections/plans',
        lazy: () => import('./pages/inspections/PlansPage').then((m) => ({ Component: m.PlansPage })),
      },
      {
        path: 'inspections/items',
        lazy: () => import('./pages/inspections/ItemsPage').then((m) => ({ Component: m.ItemsPage })),
      },
      {
        path: 'inspections/inspectors',
        lazy: () =>
          import('./pages/inspections/InspectorsPage').then((m) => ({ Component: m.InspectorsPage })),
      },
      {
        path: 'inspections/firms',
        lazy: () => import('./pages/inspections/FirmsPage').then((m) => ({ Component: m.FirmsPage })),
      },
      { path: '*', lazy: notFound },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
