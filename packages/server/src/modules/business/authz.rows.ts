import type { AuthzRows } from '../../test-support/authz.js';

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
  'firm.read': { who: ['admin', 'organiser', 'supervisor', 'enterprise'], call: () => ['GET', firm()] },
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
