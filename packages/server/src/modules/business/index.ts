import { hasRole } from '../../auth/principal.js';
import { abilitiesOf } from '../../kernel/abilities.js';
import { defineModule } from '../../kernel/module.js';
import { whenInvitationAccepted } from '../users/api.js';
import { businessAuditTitles } from './api.js';
import { startUnratedClosing } from './commands/closeUnrated.js';
import { recountRequestDeadlines } from './deadline-recount.js';
import { joinInvitedFirm } from './members.js';
import { businessFirmDocs } from './operation-docs-firms.js';
import { businessProjectDocs } from './operation-docs-projects.js';
import { businessRequestDocs } from './operation-docs-requests.js';
import { businessSurveyDocs } from './operation-docs-surveys.js';
import { type BusinessAction, mayEver, mayEverRequest, requestPolicy } from './policy.js';
import { mayEverLiaison } from './policy-liaison.js';
import { mayEverProject } from './policy-projects.js';
import { businessWaiting } from './queries/waiting.js';
import { businessRouter } from './routes/index.js';
import * as tables from './schema.js';
import { seedBusinessDemo } from './seed.js';

const may = (action: BusinessAction) => (p: Parameters<typeof mayEver>[0]) => mayEver(p, action);

// Whoever accepts a firm's invitation becomes a member of that firm, in the same transaction.
whenInvitationAccepted(joinInvitedFirm);

/**
 * 营商环境 · 黔诚无忧: the firm registry and the firms' own accounts (part 1). Liaison cadres and
 * their visits, firms' requests with working-day deadlines, ratings, supervision, department
 * scorecards, surveys and investment projects join this module as further parts.
 */
export const businessModule = defineModule({
  name: 'business',
  recountDeadlines: recountRequestDeadlines,
  auditTitles: businessAuditTitles,
  router: businessRouter,
  operationDocs: {
    ...businessFirmDocs,
    ...businessRequestDocs,
    ...businessProjectDocs,
    ...businessSurveyDocs,
  },
  waiting: businessWaiting,
  tables,
  // A create or an edit that raced past its own check of the code meets the index: answered as the check would.
  uniqueFields: {
    business_firms_credit_code_key: 'creditCode',
    business_request_categories_pkey: 'code',
    business_industries_pkey: 'code',
  },
  seedDemo: seedBusinessDemo,
  menu: [
    { path: '/admin/business/firms', label: 'business.menu.firms', visible: may('firm.list') },
    // Not a console page: the public site's page of one's own firm, which the web app links to.
    { path: '/firm', label: 'business.menu.myFirm', visible: may('firm.portal') },
    // 企业点题 → 部门答题: the office routes and decides, departments answer, supervisors read.
    {
      path: '/admin/business/requests',
      label: 'business.menu.requests',
      visible: (p) =>
        mayEverRequest(p, 'request.route') ||
        mayEverRequest(p, 'request.answer') ||
        hasRole(p, 'supervisor') ||
        // A liaison cadre follows the requests of the firms paired with them.
        hasRole(p, 'liaison'),
    },
    // 纪委监督: the discipline commission's dashboard; the office sees it too.
    {
      path: '/admin/business/supervision',
      label: 'business.menu.supervision',
      visible: (p) => mayEverRequest(p, 'request.route') || hasRole(p, 'supervisor'),
    },
    // 百名干部联千企: the office pairs and follows visits; a cadre sees the firms paired with them.
    {
      path: '/admin/business/liaison',
      label: 'business.menu.liaison',
      visible: (p) => mayEverLiaison(p, 'liaison.read'),
    },
    // 千企万众评效能: the office runs the surveys, the commission reads their results.
    {
      path: '/admin/business/surveys',
      label: 'business.menu.surveys',
      visible: (p) => mayEverRequest(p, 'survey.results'),
    },
    // The surveys a firm's staff answer for their firm, on the public site.
    {
      path: '/firm/surveys',
      label: 'business.menu.firmSurveys',
      visible: (p) => mayEverRequest(p, 'survey.answer'),
    },
    // 招商引资: the office and the commission see every project; a department's staff those they serve.
    {
      path: '/admin/business/projects',
      label: 'business.menu.projects',
      visible: (p) => mayEverProject(p, 'project.dashboard') || hasRole(p, 'department_staff'),
    },
    {
      path: '/admin/business/investment',
      label: 'business.menu.investment',
      visible: (p) => mayEverProject(p, 'project.dashboard'),
    },
    // The firm's own requests, on the public site (phone-friendly).
    {
      path: '/firm/requests',
      label: 'business.menu.myRequests',
      visible: (p) => mayEverRequest(p, 'request.rate'),
    },
  ],
  // The requests page's settings buttons and its routing-accuracy line.
  abilities: abilitiesOf(
    requestPolicy,
    ['scorecard.configure', 'category.manage', 'routing.accuracy', 'survey.manage'],
    (path) => ({
      townPath: path,
    }),
  ),
  i18nNamespace: 'business',
  // 未评价办结: answers the firm let the rating period pass without rating close on their own.
  start: startUnratedClosing,
});
