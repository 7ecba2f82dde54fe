import type { AuthzRows } from '../../test-support/authz.js';

/** The unit tree’s rows of the authorisation matrix. The matrix (`modules/authz.int.test.ts`) runs each as every role. */
export const authzRows: AuthzRows = {
  'unit.list': { who: 'public', call: () => ['GET', '/api/v1/units'] },
  'unit.template': { who: 'public', call: () => ['GET', '/api/v1/units/template'] },
  'unit.export': { who: 'signedIn', call: () => ['GET', '/api/v1/units/export'] },
  'unit.create': {
    who: ['admin'],
    streetAdmin: false,
    call: (i) => [
      'POST',
      '/api/v1/units',
      { code: `M-${Math.random().toString(36).slice(2, 8)}`, name: '矩阵', kind: 'other', parentId: i.root },
    ],
  },
  'unit.update': {
    who: ['admin'],
    streetAdmin: false,
    call: (i) => ['PATCH', `/api/v1/units/${i.unit}`, { name: '矩阵改名' }],
  },
  'unit.delete': { who: ['admin'], call: () => ['DELETE', `/api/v1/units/${crypto.randomUUID()}`] },
  'unit.import': { who: ['admin'], call: () => ['POST', '/api/v1/units/import', 'not a workbook'] },
};
