import type { AuthzRows } from '../../test-support/authz.js';
import { cadreRoles } from './policy-study.js';

const id = () => crypto.randomUUID();
const organisers = ['admin', 'department_staff'] as const;

/**
 * Study visits and learning sessions in the authorisation matrix: every cadre reads them and marks
 * their own attendance; the office plans (within its scope: the matrix's unit hangs from the root,
 * outside the street); the organising unit's staff and the office record and organise.
 */
export const studyAuthzRows: AuthzRows = {
  'reformsPublic.learning': { who: 'public', call: () => ['GET', '/api/v1/public/reforms/learning'] },
  'reformStudy.list': { who: cadreRoles, call: () => ['GET', '/api/v1/reforms/study/visits'] },
  'reformStudy.read': { who: cadreRoles, call: () => ['GET', `/api/v1/reforms/study/visits/${id()}`] },
  'reformStudy.create': {
    who: ['admin'],
    streetAdmin: false,
    call: (i) => [
      'POST',
      '/api/v1/reforms/study/visits',
      {
        title: '矩阵学习考察',
        unitId: i.unit,
        destinations: ['梁平区'],
        startDate: '2026-05-01',
        endDate: '2026-05-03',
      },
    ],
  },
  'reformStudy.update': {
    who: ['admin'],
    call: () => ['PATCH', `/api/v1/reforms/study/visits/${id()}`, { title: '矩阵学习考察二' }],
  },
  'reformStudy.complete': {
    who: organisers,
    call: () => ['POST', `/api/v1/reforms/study/visits/${id()}/complete`],
  },
  'reformStudy.saveLearning': {
    who: organisers,
    call: () => ['PUT', `/api/v1/reforms/study/visits/${id()}/learning`, { practices: [], insights: [] }],
  },
  'reformStudy.report': {
    who: organisers,
    call: () => ['POST', `/api/v1/reforms/study/visits/${id()}/report`],
  },
  'reformStudy.linkProjects': {
    who: organisers,
    call: () => ['PUT', `/api/v1/reforms/study/practices/${id()}/projects`, { projectIds: [] }],
  },
  'reformStudy.projectPractices': {
    who: cadreRoles,
    call: () => ['GET', `/api/v1/reforms/projects/${id()}/study-practices`],
  },
  'reformStudyReport.add': {
    who: organisers,
    call: () => ['POST', `/api/v1/reforms/study/visits/${id()}/report-file`, 'not a form'],
  },
  'reformStudyReport.read': {
    who: cadreRoles,
    call: () => ['GET', `/api/v1/reforms/study/report-files/${id()}`],
  },
  'reformStudyReport.remove': {
    who: organisers,
    call: () => ['DELETE', `/api/v1/reforms/study/report-files/${id()}`],
  },
  'reformStudySession.list': { who: cadreRoles, call: () => ['GET', '/api/v1/reforms/study/sessions'] },
  'reformStudySession.read': {
    who: cadreRoles,
    call: () => ['GET', `/api/v1/reforms/study/sessions/${id()}`],
  },
  'reformStudySession.create': {
    who: ['admin'],
    streetAdmin: false,
    call: (i) => [
      'POST',
      '/api/v1/reforms/study/sessions',
      {
        title: '矩阵学习课堂',
        unitId: i.unit,
        form: 'online',
        date: '2026-06-01',
        startTime: '09:00',
        endTime: '10:30',
        teacher: '王老师',
      },
    ],
  },
  'reformStudySession.update': {
    who: ['admin'],
    call: () => ['PATCH', `/api/v1/reforms/study/sessions/${id()}`, { teacher: '李老师' }],
  },
  'reformStudySession.saveAttendance': {
    who: organisers,
    call: () => ['PUT', `/api/v1/reforms/study/sessions/${id()}/attendance`, { userIds: [] }],
  },
  'reformStudySession.attend': {
    who: cadreRoles,
    call: () => ['POST', `/api/v1/reforms/study/sessions/${id()}/attend`, { attended: true }],
  },
  'reformStudySession.cadres': { who: organisers, call: () => ['GET', '/api/v1/reforms/study/cadres'] },
  'reformStudyMaterial.add': {
    who: organisers,
    call: () => ['POST', `/api/v1/reforms/study/sessions/${id()}/materials`, 'not a form'],
  },
  'reformStudyMaterial.read': {
    who: cadreRoles,
    call: () => ['GET', `/api/v1/reforms/study/materials/${id()}`],
  },
  'reformStudyMaterial.remove': {
    who: organisers,
    call: () => ['DELETE', `/api/v1/reforms/study/materials/${id()}`],
  },
};
