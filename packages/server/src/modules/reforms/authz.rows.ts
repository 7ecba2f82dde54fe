import type { AuthzRows } from '../../test-support/authz.js';
import { studyAuthzRows } from './authz-study.rows.js';

const staff = ['admin', 'supervisor', 'department_staff'] as const;
const id = () => crypto.randomUUID();
const suffix = () => Math.random().toString(36).slice(2, 8);

/**
 * 改革清单’s rows of the authorisation matrix (`modules/authz.int.test.ts` runs each as every
 * role). Ids that do not exist answer NOT_FOUND, which the matrix accepts for allowed roles; the
 * policy refuses a role outright before any lookup. The street admin rows check scope: a project
 * led by a unit outside the street, and the district-wide lists and import.
 */
export const authzRows: AuthzRows = {
  ...studyAuthzRows,
  'reformsPublic.summary': { who: 'public', call: () => ['GET', '/api/v1/public/reforms/summary'] },
  'reformsPublic.projects': {
    who: 'public',
    call: () => ['GET', '/api/v1/public/reforms/projects?page=1&pageSize=5'],
  },
  'reformsPublic.project': { who: 'public', call: () => ['GET', `/api/v1/public/reforms/projects/${id()}`] },
  'reformList.list': { who: staff, call: () => ['GET', '/api/v1/reforms/lists'] },
  'reformList.create': {
    who: ['admin'],
    streetAdmin: false,
    call: () => ['POST', '/api/v1/reforms/lists', { name: `矩阵清单${suffix()}` }],
  },
  'reformList.update': {
    who: ['admin'],
    streetAdmin: false,
    call: () => ['PATCH', `/api/v1/reforms/lists/${id()}`, { sort: 9 }],
  },
  'reformList.delete': {
    who: ['admin'],
    streetAdmin: false,
    call: () => ['DELETE', `/api/v1/reforms/lists/${id()}`],
  },
  'reformProject.list': { who: staff, call: () => ['GET', '/api/v1/reforms/projects?pageSize=5'] },
  'reformProject.export': { who: staff, call: () => ['GET', '/api/v1/reforms/projects/export'] },
  'reformProject.template': { who: staff, call: () => ['GET', '/api/v1/reforms/projects/template'] },
  'reformProject.import': {
    who: ['admin'],
    streetAdmin: false,
    call: () => ['POST', '/api/v1/reforms/projects/import', 'not a workbook'],
  },
  // Led by a unit hanging from the root, outside the street: the district office only.
  'reformProject.create': {
    who: ['admin'],
    streetAdmin: false,
    call: (i) => [
      'POST',
      '/api/v1/reforms/projects',
      {
        code: `M-${suffix()}`,
        name: '矩阵改革项目',
        listId: id(),
        source: 'local',
        leadUnitId: i.unit,
        startDate: '2026-01-01',
        endDate: '2026-12-31',
      },
    ],
  },
  'reformProject.read': { who: staff, call: () => ['GET', `/api/v1/reforms/projects/${id()}`] },
  'reformProject.update': {
    who: ['admin', 'department_staff'],
    call: () => ['PATCH', `/api/v1/reforms/projects/${id()}`, { goal: '目标' }],
  },
  'reformProject.delete': {
    who: ['admin'],
    call: () => ['DELETE', `/api/v1/reforms/projects/${id()}`],
  },
  'reformMilestone.save': {
    who: ['admin', 'department_staff'],
    call: () => ['PUT', `/api/v1/reforms/projects/${id()}/milestones`, { milestones: [] }],
  },
  'reformMilestone.correct': {
    who: ['admin'],
    call: () => [
      'POST',
      `/api/v1/reforms/projects/${id()}/milestones/${id()}/correction`,
      { done: 0, reason: '误审核，更正' },
    ],
  },
  'reformReport.list': { who: staff, call: () => ['GET', '/api/v1/reforms/reports?status=submitted'] },
  'reformReport.create': {
    who: ['department_staff'],
    call: () => ['POST', '/api/v1/reforms/reports', { projectId: id(), period: '2026-11' }],
  },
  'reformReport.read': { who: staff, call: () => ['GET', `/api/v1/reforms/reports/${id()}`] },
  'reformReport.update': {
    who: ['department_staff'],
    call: () => ['PUT', `/api/v1/reforms/reports/${id()}`, { summary: '进展' }],
  },
  'reformReport.submit': {
    who: ['department_staff'],
    call: () => ['POST', `/api/v1/reforms/reports/${id()}/submit`],
  },
  // A street's admin reviews the reports of the units below the street (never the street's own).
  'reformReport.approve': {
    who: ['admin'],
    streetAdmin: true,
    call: () => ['POST', `/api/v1/reforms/reports/${id()}/approve`],
  },
  'reformReport.return': {
    who: ['admin'],
    streetAdmin: true,
    call: () => ['POST', `/api/v1/reforms/reports/${id()}/return`, { reason: '请补充佐证材料' }],
  },
  'reformEvidence.add': {
    who: ['department_staff'],
    call: () => ['POST', `/api/v1/reforms/reports/${id()}/evidence`, 'not a form'],
  },
  'reformEvidence.read': { who: staff, call: () => ['GET', `/api/v1/reforms/evidence/${id()}`] },
  'reformEvidence.remove': {
    who: ['department_staff'],
    call: () => ['DELETE', `/api/v1/reforms/evidence/${id()}`],
  },
  'reformsPublic.battles': { who: 'public', call: () => ['GET', '/api/v1/public/reforms/battles'] },
  'reformsPublic.cases': {
    who: 'public',
    call: () => ['GET', '/api/v1/public/reforms/cases?q=%E6%94%B9%E9%9D%A9'],
  },
  'reformsPublic.case': { who: 'public', call: () => ['GET', `/api/v1/public/reforms/cases/${id()}`] },
  // Key battles: the district office keeps them; staff read those of their units.
  'reformBattle.list': { who: staff, call: () => ['GET', '/api/v1/reforms/battles'] },
  'reformBattle.read': { who: staff, call: () => ['GET', `/api/v1/reforms/battles/${id()}`] },
  'reformBattle.create': {
    who: ['admin'],
    streetAdmin: false,
    call: (i) => [
      'POST',
      '/api/v1/reforms/battles',
      { name: `矩阵攻坚战${suffix()}`, leadUnitId: i.unit, step: 'rise' },
    ],
  },
  'reformBattle.update': {
    who: ['admin'],
    streetAdmin: false,
    call: () => ['PATCH', `/api/v1/reforms/battles/${id()}`, { sort: 3 }],
  },
  'reformBattle.delete': {
    who: ['admin'],
    streetAdmin: false,
    call: () => ['DELETE', `/api/v1/reforms/battles/${id()}`],
  },
  'reformBattle.savePhases': {
    who: ['admin'],
    streetAdmin: false,
    call: () => ['PUT', `/api/v1/reforms/battles/${id()}/phases`, { phases: [] }],
  },
  'reformBattle.linkProject': {
    who: ['admin'],
    streetAdmin: false,
    call: () => ['POST', `/api/v1/reforms/battles/${id()}/projects`, { id: id() }],
  },
  'reformBattle.unlinkProject': {
    who: ['admin'],
    streetAdmin: false,
    call: () => ['DELETE', `/api/v1/reforms/battles/${id()}/projects/${id()}`],
  },
  'reformBattle.linkSuggestion': {
    who: ['admin'],
    streetAdmin: false,
    call: () => ['POST', `/api/v1/reforms/battles/${id()}/suggestions`, { id: id() }],
  },
  'reformBattle.unlinkSuggestion': {
    who: ['admin'],
    streetAdmin: false,
    call: () => ['DELETE', `/api/v1/reforms/battles/${id()}/suggestions/${id()}`],
  },
  'reformBattle.adoptedSuggestions': {
    who: ['admin'],
    streetAdmin: false,
    call: () => ['GET', '/api/v1/reforms/adopted-suggestions?q=%E5%BB%BA%E8%AE%AE'],
  },
  'reformPlan.save': {
    who: ['admin'],
    streetAdmin: false,
    call: () => ['PUT', '/api/v1/reforms/plan', { startDate: '2024-01-01' }],
  },
  // Cases: the office over the project's lead unit writes and publishes; staff read in scope.
  'reformCase.list': { who: staff, call: () => ['GET', '/api/v1/reforms/cases'] },
  'reformCase.read': { who: staff, call: () => ['GET', `/api/v1/reforms/cases/${id()}`] },
  'reformCase.create': {
    who: ['admin'],
    call: () => [
      'POST',
      '/api/v1/reforms/cases',
      { projectId: id(), title: '矩阵经验案例', summary: '一个不存在的项目的经验总结' },
    ],
  },
  'reformCase.update': {
    who: ['admin'],
    call: () => ['PATCH', `/api/v1/reforms/cases/${id()}`, { results: '成效' }],
  },
  'reformCase.publish': { who: ['admin'], call: () => ['POST', `/api/v1/reforms/cases/${id()}/publish`] },
  'reformCase.withdraw': { who: ['admin'], call: () => ['POST', `/api/v1/reforms/cases/${id()}/withdraw`] },
  // Adoption from the campaign: the office in scope of the project, the district's office for battles.
  'reformsPublic.suggestion': {
    who: 'public',
    call: () => ['GET', `/api/v1/public/reforms/suggestions/${id()}`],
  },
  'reformAdoption.list': {
    who: ['admin'],
    call: () => ['GET', '/api/v1/reforms/adoptions?q=%E5%BB%BA%E8%AE%AE'],
  },
  'reformAdoption.linkProject': {
    who: ['admin'],
    call: () => ['POST', '/api/v1/reforms/adoptions/projects', { suggestionId: id(), projectId: id() }],
  },
  // Led by a unit hanging from the root, outside the street: the district office only.
  'reformAdoption.createProject': {
    who: ['admin'],
    streetAdmin: false,
    call: (i) => [
      'POST',
      '/api/v1/reforms/adoptions/new-project',
      {
        suggestionId: id(),
        project: {
          code: `M-${suffix()}`,
          name: '矩阵采纳项目',
          listId: id(),
          source: 'local',
          leadUnitId: i.unit,
          startDate: '2026-01-01',
          endDate: '2026-12-31',
        },
      },
    ],
  },
  'reformAdoption.linkBattle': {
    who: ['admin'],
    streetAdmin: false,
    call: () => ['POST', '/api/v1/reforms/adoptions/battles', { suggestionId: id(), battleId: id() }],
  },
};
