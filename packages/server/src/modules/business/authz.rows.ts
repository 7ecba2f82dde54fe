import type { AuthzRows } from '../../test-support/authz.js';

const id = () => crypto.randomUUID();
const request = () => `/api/v1/business/requests/${id()}`;
/** Those who read requests: the office, supervisors, departments (their own) and firms (their own). */
const readers = ['admin', 'supervisor', 'department_staff', 'liaison', 'enterprise'] as const;

/**
 * 企业点题 → 部门答题 → 好差评: a firm's staff raise and rate, the office routes and decides, the
 * department answers, asks for time, rectifies and appeals, supervisors read.
 */
const requestRows: AuthzRows = {
  'request.list': { who: readers, call: () => ['GET', '/api/v1/business/requests'] },
  'request.export': { who: readers, call: () => ['GET', '/api/v1/business/requests/export'] },
  'request.raise': {
    who: ['enterprise', 'liaison'],
    call: () => [
      'POST',
      '/api/v1/business/requests',
      { categoryCode: 'policy', title: '矩阵诉求', body: '矩阵' },
    ],
  },
  'request.routingAccuracy': {
    who: ['admin', 'supervisor'],
    call: () => ['GET', '/api/v1/business/requests/routing-accuracy'],
  },
  'request.supervision': {
    who: ['admin', 'supervisor'],
    call: () => ['GET', '/api/v1/business/supervision'],
  },
  'supervision.read': {
    who: ['admin', 'supervisor', 'department_staff'],
    call: () => ['GET', `${request()}/supervision`],
  },
  'supervision.add': {
    who: ['supervisor'],
    call: () => ['POST', `${request()}/supervision`, { kind: 'note', body: '请关注办理进度' }],
  },
  'supervision.acknowledge': {
    who: ['department_staff'],
    call: () => ['POST', `/api/v1/business/supervision/${id()}/acknowledge`, { note: '已收到，正在办理' }],
  },
  'request.read': { who: readers, call: () => ['GET', request()] },
  'request.route': { who: ['admin'], call: () => ['POST', `${request()}/route`, { departmentId: id() }] },
  'request.answer': {
    who: ['department_staff'],
    call: () => ['POST', `${request()}/answer`, { body: '答复' }],
  },
  'extension.ask': {
    who: ['department_staff'],
    call: () => ['POST', `${request()}/extensions`, { workdays: 2, reason: '理由' }],
  },
  'requestFile.add': { who: ['enterprise'], call: () => ['POST', `${request()}/files`, 'not a form'] },
  'requestFile.read': { who: readers, call: () => ['GET', `/api/v1/business/request-files/${id()}`] },
  'request.rate': {
    who: ['enterprise'],
    call: () => ['POST', `/api/v1/business/answers/${id()}/rating`, { score: 4 }],
  },
  'rectification.visit': {
    who: ['department_staff'],
    call: () => [
      'POST',
      `/api/v1/business/rectifications/${id()}/visit`,
      { visitedOn: '2025-10-09', note: '回访' },
    ],
  },
  'rectification.complete': {
    who: ['department_staff'],
    call: () => ['POST', `/api/v1/business/rectifications/${id()}/result`, { body: '整改结果' }],
  },
  'rating.appeal': {
    who: ['department_staff'],
    call: () => ['POST', `/api/v1/business/ratings/${id()}/appeal`, { reason: '恶意差评' }],
  },
  'appeal.decide': {
    who: ['admin'],
    call: () => ['POST', `/api/v1/business/appeals/${id()}/decision`, { upheld: false, note: '驳回' }],
  },
  'extension.decide': {
    who: ['admin'],
    call: () => ['POST', `/api/v1/business/extensions/${id()}/decision`, { approve: true }],
  },
  'requestCategory.list': { who: 'signedIn', call: () => ['GET', '/api/v1/business/request-categories'] },
  'requestCategory.create': {
    who: ['admin'],
    streetAdmin: false,
    call: () => [
      'POST',
      '/api/v1/business/request-categories',
      { code: `m${id().slice(0, 8)}`, name: '矩阵类别' },
    ],
  },
  'requestCategory.update': {
    who: ['admin'],
    streetAdmin: false,
    call: () => ['PATCH', '/api/v1/business/request-categories/other', { sort: 20 }],
  },
  'businessPublic.scorecard': { who: 'public', call: () => ['GET', '/api/v1/public/business/scorecard'] },
  'scorecardSettings.read': { who: 'signedIn', call: () => ['GET', '/api/v1/business/scorecard/settings'] },
  'scorecardSettings.update': {
    who: ['admin'],
    streetAdmin: false,
    call: () => [
      'PUT',
      '/api/v1/business/scorecard/settings',
      {
        deadlineWorkdays: 5,
        weights: { response: 0.3, resolution: 0.3, satisfaction: 0.4 },
        goodFrom: 85,
        poorBelow: 60,
      },
    ],
  },
};

/** 百名干部联千企: the office pairs and reminds, cadres log visits, the commission reads. */
const liaisonRows: AuthzRows = {
  'liaison.list': {
    who: ['admin', 'supervisor', 'liaison'],
    streetAdmin: true,
    call: () => ['GET', '/api/v1/business/liaison'],
  },
  'liaison.proposal': {
    who: ['admin'],
    streetAdmin: true,
    call: () => ['GET', '/api/v1/business/liaison/proposal'],
  },
  'liaison.assign': {
    who: ['admin'],
    // A firm outside the caller's scope: the office gets VALIDATION, everyone else FORBIDDEN first.
    call: () => ['POST', '/api/v1/business/liaison/pairs', { pairs: [{ firmId: id(), cadreId: null }] }],
  },
  'liaisonSettings.update': {
    who: ['admin'],
    streetAdmin: false,
    call: () => ['PUT', '/api/v1/business/liaison/settings', { visitEveryDays: 90, dueSoonDays: 14 }],
  },
  'liaison.remind': {
    who: ['admin'],
    streetAdmin: true,
    call: () => ['POST', '/api/v1/business/liaison/reminders', {}],
  },
  'visit.read': {
    who: ['admin', 'supervisor', 'liaison', 'enterprise'],
    call: () => ['GET', `/api/v1/business/firms/${id()}/liaison`],
  },
  'visit.log': {
    who: ['liaison'],
    call: () => [
      'POST',
      `/api/v1/business/firms/${id()}/visits`,
      { visitedOn: '2026-03-02', attendees: '企业负责人', topics: '了解生产经营情况' },
    ],
  },
};

const survey = () => `/api/v1/business/surveys/${id()}`;
const surveyInput = (i: { unit: string }) => ({
  title: '矩阵问卷',
  opensOn: '2026-01-01',
  closesOn: '2026-01-31',
  audience: 'both',
  questions: [{ id: 'efficiency', text: '办事效率' }],
  departments: [{ departmentId: i.unit }],
});
const answer = { departments: [{ departmentId: id(), scores: { efficiency: 4 } }] };

/** 千企万众评效能: the district office runs surveys, the commission reads results, firms and the public answer. */
const surveyRows: AuthzRows = {
  'survey.list': {
    who: ['admin', 'supervisor'],
    streetAdmin: false,
    call: () => ['GET', '/api/v1/business/surveys'],
  },
  'survey.defaultQuestions': { who: 'signedIn', call: () => ['GET', '/api/v1/business/survey-questions'] },
  // The matrix's unit is no department: the office gets VALIDATION, everyone else FORBIDDEN first.
  'survey.create': {
    who: ['admin'],
    streetAdmin: false,
    call: (i) => ['POST', '/api/v1/business/surveys', surveyInput(i)],
  },
  'survey.read': { who: ['admin', 'supervisor'], streetAdmin: false, call: () => ['GET', survey()] },
  'survey.update': { who: ['admin'], streetAdmin: false, call: (i) => ['PUT', survey(), surveyInput(i)] },
  'survey.open': { who: ['admin'], streetAdmin: false, call: () => ['POST', `${survey()}/open`] },
  'survey.setEnd': {
    who: ['admin'],
    streetAdmin: false,
    call: () => ['POST', `${survey()}/end`, { closesOn: '2099-12-31' }],
  },
  'survey.close': { who: ['admin'], streetAdmin: false, call: () => ['POST', `${survey()}/close`] },
  'survey.results': {
    who: ['admin', 'supervisor'],
    streetAdmin: false,
    call: () => ['GET', `${survey()}/results`],
  },
  'survey.firmList': { who: ['enterprise'], call: () => ['GET', '/api/v1/business/firm-surveys'] },
  'survey.firmForm': { who: ['enterprise'], call: () => ['GET', `/api/v1/business/firm-surveys/${id()}`] },
  'survey.answerFirm': {
    who: ['enterprise'],
    call: () => ['POST', `/api/v1/business/firm-surveys/${id()}/answer`, answer],
  },
  'businessPublic.surveys': { who: 'public', call: () => ['GET', '/api/v1/public/business/surveys'] },
  'businessPublic.survey': { who: 'public', call: () => ['GET', `/api/v1/public/business/surveys/${id()}`] },
  'businessPublic.surveyResults': {
    who: 'public',
    call: () => ['GET', `/api/v1/public/business/surveys/${id()}/results`],
  },
  'businessPublic.surveyCode': {
    who: 'public',
    call: () => ['POST', `/api/v1/public/business/surveys/${id()}/code`, { phone: '13800000000' }],
  },
  'businessPublic.surveyAnswer': {
    who: 'public',
    call: () => [
      'POST',
      `/api/v1/public/business/surveys/${id()}/answers`,
      { ...answer, phone: '13800000000', code: '123456' },
    ],
  },
};

const project = () => `/api/v1/business/projects/${crypto.randomUUID()}`;
/** Staff who may be a project's service commissioner, and so reach its routes. */
const staff = [
  'admin',
  'organiser',
  'screener',
  'expert',
  'department_staff',
  'supervisor',
  'liaison',
] as const;

/**
 * 招商引资: the office files and keeps projects and district figures, a project's commissioner (any
 * staff account) records its stages and funds, supervisors read; firms and citizens see nothing.
 */
const projectRows: AuthzRows = {
  'project.list': { who: staff, streetAdmin: true, call: () => ['GET', '/api/v1/business/projects'] },
  'project.export': {
    who: staff,
    streetAdmin: true,
    call: () => ['GET', '/api/v1/business/projects/export'],
  },
  'project.create': {
    who: ['admin'],
    call: (i) => [
      'POST',
      '/api/v1/business/projects',
      {
        name: '矩阵项目',
        investor: '矩阵投资有限公司',
        amount: 100,
        chainCode: 'manufacturing',
        commissionerId: i.target,
        leadUnitId: i.unit,
        signedOn: '2026-01-05',
      },
    ],
  },
  'project.commissioners': {
    who: ['admin'],
    streetAdmin: true,
    call: () => ['GET', '/api/v1/business/project-commissioners'],
  },
  'project.read': { who: staff, call: () => ['GET', project()] },
  'project.update': { who: ['admin'], call: () => ['PATCH', project(), { amount: 200 }] },
  'project.recordStage': {
    who: staff,
    call: () => ['POST', `${project()}/stages`, { stage: 'registered', reachedOn: '2026-02-01' }],
  },
  'project.recordFunds': {
    who: staff,
    call: () => ['POST', `${project()}/funds`, { receivedOn: '2026-02-01', amount: 100 }],
  },
  'chain.list': { who: 'signedIn', call: () => ['GET', '/api/v1/business/industrial-chains'] },
  'chain.create': {
    who: ['admin'],
    streetAdmin: false,
    call: () => ['POST', '/api/v1/business/industrial-chains', { name: '矩阵产业链' }],
  },
  'chain.update': {
    who: ['admin'],
    streetAdmin: false,
    call: () => ['PATCH', '/api/v1/business/industrial-chains/food', { sort: 30 }],
  },
  'project.dashboard': {
    who: ['admin', 'supervisor'],
    streetAdmin: true,
    call: () => ['GET', '/api/v1/business/investment-dashboard?year=2026&through=2'],
  },
  'entities.set': {
    who: ['admin'],
    streetAdmin: false,
    call: () => ['PUT', '/api/v1/business/market-entities/2024-01', { count: 10 }],
  },
  'entities.template': {
    who: 'signedIn',
    call: () => ['GET', '/api/v1/business/market-entities/template'],
  },
  'entities.import': {
    who: ['admin'],
    streetAdmin: false,
    call: () => ['POST', '/api/v1/business/market-entities/import', 'not a workbook'],
  },
  'projectSettings.read': { who: 'signedIn', call: () => ['GET', '/api/v1/business/project-settings'] },
  'projectSettings.update': {
    who: ['admin'],
    streetAdmin: false,
    call: () => [
      'PUT',
      '/api/v1/business/project-settings',
      { stallDays: { registered: 90, started: 180, producing: 365, effective: 365 } },
    ],
  },
};

const firm = () => `/api/v1/business/firms/${crypto.randomUUID()}`;
const newFirm = (townId: string) => ({
  name: '矩阵企业有限公司',
  creditCode: '91500114000000001N',
  industryCode: 'C',
  townId,
  size: 'small',
});

/**
 * The business module's rows of the authorisation matrix (`modules/authz.int.test.ts` runs each as
 * every role). The office (admin) and organisers keep the registry; supervisors read and export
 * it; a firm's staff read their own firm only (`firm.read` of another firm is NOT_FOUND).
 */
export const authzRows: AuthzRows = {
  'firm.list': {
    who: ['admin', 'organiser', 'supervisor'],
    streetAdmin: true,
    call: () => ['GET', '/api/v1/business/firms'],
  },
  'firm.export': {
    who: ['admin', 'organiser', 'supervisor'],
    streetAdmin: true,
    call: () => ['GET', '/api/v1/business/firms/export'],
  },
  'firm.template': { who: 'signedIn', call: () => ['GET', '/api/v1/business/firms/template'] },
  'firm.create': {
    who: ['admin', 'organiser'],
    // The matrix's unit is not a town: the office gets VALIDATION, everyone else FORBIDDEN first.
    call: (i) => ['POST', '/api/v1/business/firms', newFirm(i.unit)],
  },
  'firm.import': {
    who: ['admin', 'organiser'],
    call: () => ['POST', '/api/v1/business/firms/import', 'not a workbook'],
  },
  'firm.mine': { who: 'signedIn', call: () => ['GET', '/api/v1/business/my-firm'] },
  'firm.read': {
    who: ['admin', 'organiser', 'supervisor', 'liaison', 'enterprise'],
    call: () => ['GET', firm()],
  },
  'firm.update': { who: ['admin', 'organiser'], call: () => ['PATCH', firm(), { size: 'micro' }] },
  'firmMember.list': { who: ['admin', 'organiser'], call: () => ['GET', `${firm()}/members`] },
  'firmMember.invite': {
    who: ['admin', 'organiser'],
    call: () => ['POST', `${firm()}/invitations`, { displayName: '矩阵企业 员工' }],
  },
  'firmMember.remove': {
    who: ['admin', 'organiser'],
    call: () => ['DELETE', `${firm()}/members/${crypto.randomUUID()}`],
  },
  ...requestRows,
  ...liaisonRows,
  ...surveyRows,
  ...projectRows,
  'industry.list': { who: 'signedIn', call: () => ['GET', '/api/v1/business/industries'] },
  'industry.create': {
    who: ['admin'],
    streetAdmin: false,
    call: () => [
      'POST',
      '/api/v1/business/industries',
      { code: `M${Math.floor(Math.random() * 1e6)}`, name: '矩阵行业' },
    ],
  },
  'industry.update': {
    who: ['admin'],
    streetAdmin: false,
    call: () => ['PATCH', '/api/v1/business/industries/T', { sort: 20 }],
  },
};
