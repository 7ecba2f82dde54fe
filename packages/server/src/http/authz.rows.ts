import type { AuthzRows } from '../test-support/authz.js';

/** Sign-in, the audit log, the overview of waiting work and health: the rows of the platform itself. The matrix (`modules/authz.int.test.ts`) runs each as every role. */
export const authzRows: AuthzRows = {
  health: { who: 'public', call: () => ['GET', '/api/health'] },
  'auth.session': { who: 'public', call: () => ['GET', '/api/v1/auth/session'] },
  'auth.login': {
    who: 'public',
    call: () => ['POST', '/api/v1/auth/login', { login: 'nobody', password: 'x' }],
  },
  'auth.requestCode': { who: 'public', call: () => ['POST', '/api/v1/auth/register/code', { phone: 'bad' }] },
  'auth.register': { who: 'public', call: () => ['POST', '/api/v1/auth/register', {}] },
  'auth.requestRecoveryCode': {
    who: 'public',
    call: () => ['POST', '/api/v1/auth/recover/code', { phone: 'bad' }],
  },
  'auth.recoverPassword': { who: 'public', call: () => ['POST', '/api/v1/auth/recover', {}] },
  'invitation.describe': { who: 'public', call: () => ['GET', `/api/v1/auth/invitations/${'x'.repeat(43)}`] },
  'invitation.accept': {
    who: 'public',
    call: () => ['POST', `/api/v1/auth/invitations/${'x'.repeat(43)}/accept`, {}],
  },
  // Signing out without a session is a harmless no-op, so it is open to anyone.
  'auth.logout': { who: 'public', call: () => ['POST', '/api/v1/auth/logout'] },
  'auth.changePassword': {
    who: 'signedIn',
    call: () => ['POST', '/api/v1/auth/password', { current: 'wrong', next: 'x' }],
  },
  'auth.devices': { who: 'signedIn', call: () => ['GET', '/api/v1/auth/devices'] },
  'auth.forgetDevice': {
    who: 'signedIn',
    call: () => ['DELETE', '/api/v1/auth/devices/00000000-0000-4000-8000-000000000000'],
  },
  'audit.list': { who: ['admin', 'supervisor'], call: () => ['GET', '/api/v1/audit/events'] },
  'audit.verify': { who: ['admin', 'supervisor'], call: () => ['GET', '/api/v1/audit/chain'] },
  // Every signed-in person has an overview; each module counts only what that person may act on.
  'me.waiting': { who: 'signedIn', call: () => ['GET', '/api/v1/me/waiting'] },
  'auditPublic.checkpoints': { who: 'public', call: () => ['GET', '/api/v1/public/audit/checkpoints'] },
};
