import type { AuthzRows } from '../../test-support/authz.js';

const staff = ['admin', 'supervisor', 'department_staff'] as const;
const keepers = ['admin', 'department_staff'] as const;
const id = () => crypto.randomUUID();
const suffix = () => Math.random().toString(36).slice(2, 8);

/**
 * The inspections module's rows of the authorisation matrix (`modules/authz.int.test.ts` runs
 * each as every role). Ids that do not exist answer NOT_FOUND, and a unit that is no department
 * VALIDATION, which the matrix accepts for allowed roles; the policy refuses the other roles
 * before any lookup. The street admin rows check scope: risk levels are the district office's.
 */
export const authzRows: AuthzRows = {
  'inspectionsPublic.draws': {
    who: 'public',
    call: () => ['GET', '/api/v1/public/inspections/draws?page=1&pageSize=5'],
  },
  'inspectionsPublic.drawNames': {
    who: 'public',
    call: () => ['GET', `/api/v1/public/inspections/draws/${id()}/names`],
  },
  'inspectionItem.list': { who: staff, call: () => ['GET', '/api/v1/inspections/items?pageSize=5'] },
  'inspectionItem.create': {
    who: keepers,
    call: (i) => [
      'POST',
      '/api/v1/inspections/items',
      { unitId: i.unit, code: `M-${suffix()}`, name: '矩阵事项', legalBasis: '依据', expectedMinutes: 20 },
    ],
  },
  'inspectionItem.update': {
    who: keepers,
    call: () => ['PATCH', `/api/v1/inspections/items/${id()}`, { name: '事项' }],
  },
  'inspectionItem.delete': { who: keepers, call: () => ['DELETE', `/api/v1/inspections/items/${id()}`] },
  'inspectionItem.export': { who: staff, call: () => ['GET', '/api/v1/inspections/items/export'] },
  'inspectionItem.template': { who: staff, call: () => ['GET', '/api/v1/inspections/items/template'] },
  'inspectionItem.import': {
    who: keepers,
    call: () => ['POST', '/api/v1/inspections/items/import', 'not a workbook'],
  },
  'inspector.list': { who: staff, call: () => ['GET', '/api/v1/inspections/inspectors?pageSize=5'] },
  'inspector.create': {
    who: keepers,
    call: (i) => ['POST', '/api/v1/inspections/inspectors', { login: 'matrix.target', unitId: i.unit }],
  },
  'inspector.update': {
    who: keepers,
    call: () => ['PATCH', `/api/v1/inspections/inspectors/${id()}`, { active: false }],
  },
  'inspector.export': { who: staff, call: () => ['GET', '/api/v1/inspections/inspectors/export'] },
  'inspector.template': { who: staff, call: () => ['GET', '/api/v1/inspections/inspectors/template'] },
  'inspector.import': {
    who: keepers,
    call: () => ['POST', '/api/v1/inspections/inspectors/import', 'not a workbook'],
  },
  'inspectionFirm.list': { who: staff, call: () => ['GET', '/api/v1/inspections/firms?pageSize=5'] },
  'inspectionFirm.riskCounts': { who: staff, call: () => ['GET', '/api/v1/inspections/firms/risk-counts'] },
  'inspectionFirm.setRisk': {
    who: ['admin'],
    streetAdmin: false,
    call: () => ['PUT', `/api/v1/inspections/firms/${id()}/risk`, { risk: 'high' }],
  },
  'inspectionTask.list': { who: staff, call: () => ['GET', '/api/v1/inspections/tasks?pageSize=5'] },
  'inspectionTask.create': {
    who: keepers,
    call: (i) => [
      'POST',
      '/api/v1/inspections/tasks',
      {
        title: '矩阵抽查任务',
        unitIds: [i.unit],
        itemIds: [id()],
        sample: { high: 1, medium: 0, low: 0 },
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
      },
    ],
  },
  'inspectionTask.read': { who: staff, call: () => ['GET', `/api/v1/inspections/tasks/${id()}`] },
  'inspectionTask.delete': { who: keepers, call: () => ['DELETE', `/api/v1/inspections/tasks/${id()}`] },
  'inspectionTask.announce': {
    who: keepers,
    call: () => ['POST', `/api/v1/inspections/tasks/${id()}/announce`],
  },
  'inspectionTask.draw': { who: keepers, call: () => ['POST', `/api/v1/inspections/tasks/${id()}/draw`] },

  'inspectionPlan.list': { who: staff, call: () => ['GET', '/api/v1/inspections/plans?pageSize=5'] },
  'inspectionPlan.create': {
    who: ['admin'],
    streetAdmin: false,
    // A period with no drawn task due: the office gets VALIDATION (nothing to plan).
    call: () => ['POST', '/api/v1/inspections/plans', { periodStart: '2020-01-06', periodEnd: '2020-01-10' }],
  },
  'inspectionPlan.read': { who: staff, call: () => ['GET', `/api/v1/inspections/plans/${id()}`] },
  'inspectionPlan.delete': {
    who: ['admin'],
    streetAdmin: false,
    call: () => ['DELETE', `/api/v1/inspections/plans/${id()}`],
  },
  'inspectionPlan.moveVisit': {
    who: ['admin'],
    streetAdmin: false,
    call: () => [
      'PUT',
      `/api/v1/inspections/plans/${id()}/visits/${id()}`,
      { date: '2026-12-07', inspectorIds: [id(), id()] },
    ],
  },
  'inspectionPlan.publish': {
    who: ['admin'],
    streetAdmin: false,
    call: () => ['POST', `/api/v1/inspections/plans/${id()}/publish`],
  },
  'inspectionFigures.read': { who: staff, call: () => ['GET', '/api/v1/inspections/figures?year=2026'] },
  'inspectionRectification.list': {
    who: staff,
    call: () => ['GET', '/api/v1/inspections/rectifications?state=overdue'],
  },
  'inspectionVisit.mine': { who: ['enterprise'], call: () => ['GET', '/api/v1/inspections/my-visits'] },

  // Visits: an inspector is a department's staff account; a visit of no team of theirs is not found.
  'inspectionsPublic.results': {
    who: 'public',
    call: () => ['GET', '/api/v1/public/inspections/results?page=1&pageSize=5'],
  },
  'inspectionsPublic.check': {
    who: 'public',
    call: () => ['GET', `/api/v1/public/inspections/check/${suffix()}${suffix()}`],
  },
  'inspectionVisit.list': { who: ['department_staff'], call: () => ['GET', '/api/v1/inspections/visits'] },
  'inspectionVisit.read': {
    who: [...staff],
    streetAdmin: false,
    call: () => ['GET', `/api/v1/inspections/visits/${id()}`],
  },
  'inspectionVisit.start': {
    who: ['department_staff'],
    call: () => ['POST', `/api/v1/inspections/visits/${id()}/start`],
  },
  'inspectionFinding.save': {
    who: ['department_staff'],
    call: () => ['PUT', `/api/v1/inspections/visits/${id()}/findings/${id()}`, { result: 'compliant' }],
  },
  'inspectionVisit.complete': {
    who: ['department_staff'],
    call: () => ['POST', `/api/v1/inspections/visits/${id()}/complete`],
  },
  // Rescheduled by the district office, which published the plan; a street's admin does not.
  'inspectionVisit.reschedule': {
    who: ['admin'],
    streetAdmin: false,
    call: () => [
      'POST',
      `/api/v1/inspections/visits/${id()}/reschedule`,
      { date: '2026-12-08', reason: '改期' },
    ],
  },
  'inspectionPhoto.add': {
    who: ['department_staff'],
    call: () => ['POST', `/api/v1/inspections/findings/${id()}/photos`, 'not a form'],
  },
  'inspectionPhoto.read': {
    who: [...staff, 'enterprise'],
    call: () => ['GET', `/api/v1/inspections/photos/${id()}`],
  },
  'inspectionPhoto.remove': {
    who: ['department_staff'],
    call: () => ['DELETE', `/api/v1/inspections/photos/${id()}`],
  },
  'inspectionResult.list': { who: ['enterprise'], call: () => ['GET', '/api/v1/inspections/my-results'] },
  'inspectionResult.read': {
    who: ['enterprise'],
    call: () => ['GET', `/api/v1/inspections/my-results/${id()}`],
  },
  'inspectionVisit.rate': {
    who: ['enterprise'],
    call: () => ['POST', `/api/v1/inspections/my-results/${id()}/rating`, { score: 5 }],
  },
  'inspectionRectification.confirm': {
    who: ['enterprise'],
    call: () => ['POST', `/api/v1/inspections/findings/${id()}/rectification`, { note: '已整改' }],
  },
  // Verified by the item's department's own staff; the office coordinates and does not verify.
  'inspectionRectification.accept': {
    who: ['department_staff'],
    call: () => ['POST', `/api/v1/inspections/findings/${id()}/rectification/accept`],
  },
  'inspectionRectification.return': {
    who: ['department_staff'],
    call: () => [
      'POST',
      `/api/v1/inspections/findings/${id()}/rectification/return`,
      { reason: '未整改到位' },
    ],
  },
  'inspectionRectificationPhoto.add': {
    who: ['enterprise'],
    call: () => ['POST', `/api/v1/inspections/findings/${id()}/rectification-photos`, 'not a form'],
  },
  'inspectionRectificationPhoto.read': {
    who: [...staff, 'enterprise'],
    call: () => ['GET', `/api/v1/inspections/rectification-photos/${id()}`],
  },
  'inspectionRectificationPhoto.remove': {
    who: ['enterprise'],
    call: () => ['DELETE', `/api/v1/inspections/rectification-photos/${id()}`],
  },
};
