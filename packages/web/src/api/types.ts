import { type components, problemCodeValues, roleValues, unitKindValues } from './schema';

type Schemas = components['schemas'];

export type Problem = Schemas['Problem'];
export type ErrorCode = Problem['code'];
export type Role = Schemas['Role'];
export type RoleGrant = Schemas['RoleGrant'];
export type Session = Schemas['Session'];
export type SessionUser = NonNullable<Session['user']>;
export type User = Schemas['User'];
export type Invitation = Schemas['InvitationView'];
export type Unit = Schemas['Unit'];
export type UnitKind = Schemas['UnitKind'];
export type AuditEvent = Schemas['AuditEvent'];
export type AuditChainStatus = Schemas['AuditChainStatus'];
export type AuditCheckpoints = Schemas['AuditCheckpoints'];

/** Every role, in the server's order (generated from the API document). */
export const roles: readonly Role[] = roleValues;

export const unitKinds: readonly UnitKind[] = unitKindValues;

export const errorCodes: readonly ErrorCode[] = problemCodeValues;
