import type { AuthzRows } from '../../test-support/authz.js';

/** 赶超目标’s rows of the authorisation matrix. The matrix (`modules/authz.int.test.ts`) runs each as every role. */
export const authzRows: AuthzRows = {
  // Targets (赶超目标). Ids that do not exist answer NOT_FOUND to everyone, which the matrix
  // accepts for allowed roles; policies are checked before lookups where a role is refused outright.
  'indicator.list': { who: 'signedIn', call: () => ['GET', '/api/v1/targets/indicators'] },
  'indicator.export': { who: 'signedIn', call: () => ['GET', '/api/v1/targets/indicators/export'] },
  'indicator.template': { who: 'signedIn', call: () => ['GET', '/api/v1/targets/indicators/template'] },
  'indicator.create': {
    who: ['admin'],
    call: () => [
      'POST',
      '/api/v1/targets/indicators',
      {
        code: `M-${Math.random().toString(36).slice(2, 8)}`,
        name: '矩阵指标',
        measure: '%',
        direction: 'higher',
        category: 'economy',
      },
    ],
  },
  'indicator.update': {
    who: ['admin'],
    call: () => ['PATCH', `/api/v1/targets/indicators/${crypto.randomUUID()}`, { name: '改名' }],
  },
  'indicator.import': {
    who: ['admin'],
    call: () => ['POST', '/api/v1/targets/indicators/import', 'not a workbook'],
  },
  'region.list': { who: 'signedIn', call: () => ['GET', '/api/v1/targets/regions'] },
  'region.create': {
    who: ['admin'],
    call: () => [
      'POST',
      '/api/v1/targets/regions',
      { code: `R-${Math.random().toString(36).slice(2, 8)}`, name: '矩阵地区', kind: 'peer' },
    ],
  },
  'benchmark.list': { who: 'signedIn', call: () => ['GET', '/api/v1/targets/benchmarks'] },
  'benchmark.export': { who: 'signedIn', call: () => ['GET', '/api/v1/targets/benchmarks/export'] },
  'benchmark.template': { who: 'signedIn', call: () => ['GET', '/api/v1/targets/benchmarks/template'] },
  'benchmark.set': {
    who: ['admin'],
    call: () => [
      'PUT',
      '/api/v1/targets/benchmarks',
      { regionId: crypto.randomUUID(), indicatorId: crypto.randomUUID(), period: '2025', value: 1 },
    ],
  },
  'benchmark.import': {
    who: ['admin'],
    call: () => ['POST', '/api/v1/targets/benchmarks/import', 'not a workbook'],
  },
  'targetSettings.read': { who: 'signedIn', call: () => ['GET', '/api/v1/targets/settings'] },
  'targetSettings.update': {
    who: ['admin'],
    call: () => ['PUT', '/api/v1/targets/settings', { reportDeadlineWorkdays: 10 }],
  },
  'plan.list': { who: 'signedIn', call: () => ['GET', '/api/v1/targets/plans'] },
  // A plan for a unit outside the department's scope: only the office may write it.
  'plan.create': {
    who: ['admin'],
    call: (i) => [
      'POST',
      '/api/v1/targets/plans',
      { unitId: i.unit, year: 2030 + Math.floor(Math.random() * 60), items: [] },
    ],
  },
  'plan.read': {
    who: ['admin', 'supervisor', 'department_staff'],
    call: () => ['GET', `/api/v1/targets/plans/${crypto.randomUUID()}`],
  },
  'plan.update': {
    who: ['admin', 'department_staff'],
    call: () => [
      'PUT',
      `/api/v1/targets/plans/${crypto.randomUUID()}`,
      { items: [], updatedAt: new Date().toISOString() },
    ],
  },
  'plan.submit': {
    who: ['admin', 'department_staff'],
    call: () => ['POST', `/api/v1/targets/plans/${crypto.randomUUID()}/submit`],
  },
  'plan.approve': {
    who: ['admin'],
    call: () => ['POST', `/api/v1/targets/plans/${crypto.randomUUID()}/approve`],
  },
  'plan.return': {
    who: ['admin'],
    call: () => ['POST', `/api/v1/targets/plans/${crypto.randomUUID()}/return`, { reason: '请修改' }],
  },
  'plan.reopen': {
    who: ['admin'],
    call: () => ['POST', `/api/v1/targets/plans/${crypto.randomUUID()}/reopen`, { reason: '请修改' }],
  },
  'report.list': { who: 'signedIn', call: () => ['GET', '/api/v1/targets/reports?period=2026Q3'] },
  'report.create': {
    who: ['admin', 'department_staff'],
    call: () => [
      'POST',
      '/api/v1/targets/reports',
      { planId: crypto.randomUUID(), period: '2026Q3', values: [] },
    ],
  },
  'report.read': {
    who: ['admin', 'supervisor', 'department_staff'],
    call: () => ['GET', `/api/v1/targets/reports/${crypto.randomUUID()}`],
  },
  'report.update': {
    who: ['admin', 'department_staff'],
    call: () => [
      'PUT',
      `/api/v1/targets/reports/${crypto.randomUUID()}`,
      { values: [], updatedAt: new Date().toISOString() },
    ],
  },
  'report.submit': {
    who: ['admin', 'department_staff'],
    call: () => ['POST', `/api/v1/targets/reports/${crypto.randomUUID()}/submit`],
  },
  'report.approve': {
    who: ['admin'],
    call: () => ['POST', `/api/v1/targets/reports/${crypto.randomUUID()}/approve`],
  },
  'report.return': {
    who: ['admin'],
    call: () => ['POST', `/api/v1/targets/reports/${crypto.randomUUID()}/return`, { reason: '请补充佐证' }],
  },
  'report.workbook': {
    who: ['admin', 'supervisor', 'department_staff'],
    call: () => ['GET', `/api/v1/targets/reports/${crypto.randomUUID()}/workbook`],
  },
  'report.import': {
    who: ['admin', 'department_staff'],
    call: () => ['POST', `/api/v1/targets/reports/${crypto.randomUUID()}/import`, 'not a workbook'],
  },
  'evidence.add': {
    who: ['admin', 'department_staff'],
    call: () => ['POST', `/api/v1/targets/reports/${crypto.randomUUID()}/evidence`, 'not a form'],
  },
  'evidence.read': {
    who: ['admin', 'supervisor', 'department_staff'],
    call: () => ['GET', `/api/v1/targets/evidence/${crypto.randomUUID()}`],
  },
  'evidence.remove': {
    who: ['admin', 'department_staff'],
    call: () => ['DELETE', `/api/v1/targets/evidence/${crypto.randomUUID()}`],
  },
  'scorecard.list': { who: 'signedIn', call: () => ['GET', '/api/v1/targets/scorecards'] },
  'scorecard.compute': {
    who: ['admin'],
    call: () => ['POST', '/api/v1/targets/scorecards', { period: '2026Q4' }],
  },
  'scorecard.read': {
    who: 'signedIn',
    call: () => ['GET', `/api/v1/targets/scorecards/${crypto.randomUUID()}`],
  },
  'scorecard.publish': {
    who: ['admin'],
    call: () => ['POST', `/api/v1/targets/scorecards/${crypto.randomUUID()}/publish`],
  },
  'publicScorecard.periods': { who: 'public', call: () => ['GET', '/api/v1/public/scorecards'] },
  'publicScorecard.latest': { who: 'public', call: () => ['GET', '/api/v1/public/scorecards/latest'] },
  'publicScorecard.read': { who: 'public', call: () => ['GET', '/api/v1/public/scorecards/2026Q1'] },
  'evaluation.unitExport': {
    who: ['admin', 'supervisor'],
    call: (i) => ['GET', `/api/v1/targets/evaluation/units/${i.unit}?year=2026`],
  },
  'evaluation.summary': {
    who: ['admin', 'supervisor'],
    call: () => ['GET', '/api/v1/targets/evaluation/summary?year=2026'],
  },
  'regional.import': { who: ['admin'], call: () => ['POST', '/api/v1/targets/regional/import', 'not,a,csv'] },
  'regional.enter': {
    who: ['admin'],
    call: () => [
      'PUT',
      '/api/v1/targets/regional/self-values',
      { year: 2020, values: [{ metric: 'Gdpct01', value: 1 }] },
    ],
  },
  'regional.report': { who: 'signedIn', call: () => ['GET', '/api/v1/targets/regional/report?year=2020'] },
  'regional.reportHtml': {
    who: 'signedIn',
    call: () => ['GET', '/api/v1/targets/regional/report.html?year=2020'],
  },
  'regional.reportXlsx': {
    who: 'signedIn',
    call: () => ['GET', '/api/v1/targets/regional/report.xlsx?year=2020'],
  },
};
