import type { AuthzRows } from '../../test-support/authz.js';

/** The accounts’ rows of the authorisation matrix. The matrix (`modules/authz.int.test.ts`) runs each as every role. */
export const authzRows: AuthzRows = {
  'user.list': { who: ['admin'], streetAdmin: true, call: () => ['GET', '/api/v1/users'] },
  'user.create': {
    who: ['admin'],
    streetAdmin: false,
    call: () => [
      'POST',
      '/api/v1/users',
      { login: `m.${Math.random().toString(36).slice(2, 8)}`, displayName: '矩阵', roles: [] },
    ],
  },
  'user.read': { who: ['admin'], streetAdmin: false, call: (i) => ['GET', `/api/v1/users/${i.target}`] },
  'user.update': {
    who: ['admin'],
    streetAdmin: false,
    call: (i) => ['PATCH', `/api/v1/users/${i.target}`, { displayName: '改名' }],
  },
  'user.assignRoles': {
    who: ['admin'],
    streetAdmin: false,
    call: (i) => ['PUT', `/api/v1/users/${i.target}/roles`, { roles: [{ role: 'citizen', unitId: i.root }] }],
  },
  'user.resetPassword': {
    who: ['admin'],
    streetAdmin: false,
    call: (i) => ['POST', `/api/v1/users/${i.target}/reset-password`],
  },
  'user.revokeSessions': {
    who: ['admin'],
    streetAdmin: false,
    call: (i) => ['POST', `/api/v1/users/${i.target}/revoke-sessions`],
  },
  'invitation.create': {
    who: ['admin'],
    streetAdmin: false,
    call: (i) => [
      'POST',
      '/api/v1/invitations',
      { displayName: '受邀人', roles: [{ role: 'expert', unitId: i.root }] },
    ],
  },
  'invitation.list': { who: ['admin'], streetAdmin: true, call: () => ['GET', '/api/v1/invitations'] },
  // An id no invitation has: an admin gets NOT_FOUND, anyone else FORBIDDEN (invitations.int.test.ts
  // revokes real ones, in and out of a street admin's scope).
  'invitation.revoke': {
    who: ['admin'],
    streetAdmin: false,
    call: () => ['POST', '/api/v1/invitations/00000000-0000-4000-8000-000000000000/revoke'],
  },
};
