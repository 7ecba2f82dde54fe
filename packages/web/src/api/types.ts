import type { components } from './schema';

type Schemas = components['schemas'];

export type Problem = Schemas['Problem'];
export type ErrorCode = Problem['code'];
export type Role = Schemas['Role'];
export type RoleGrant = Schemas['RoleGrant'];
export type Session = Schemas['Session'];
export type SessionUser = NonNullable<Session['user']>;
export type User = Schemas['User'];
export type Unit = Schemas['Unit'];
export type UnitKind = Schemas['UnitKind'];
export type AuditEvent = Schemas['AuditEvent'];
export type AuditChainStatus = Schemas['AuditChainStatus'];

export const roles: readonly Role[] = [
  'admin',
  'organiser',
  'screener',
  'expert',
  'department_staff',
  'supervisor',
  'enterprise',
  'citizen',
];

export const unitKinds: readonly UnitKind[] = [
  'district',
  'subdistrict',
  'town',
  'township',
  'community',
  'village',
  'department',
  'other',
];

export const errorCodes: readonly ErrorCode[] = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'CSRF',
  'PASSWORD_CHANGE_REQUIRED',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'INVALID_CREDENTIALS',
  'INVALID_STATE',
  'INTERNAL',
];
