import { z } from '@hono/zod-openapi';
import { limits } from '@qianxing/core/limits';
import { roles } from './schema.js';

/** The accounts' API inputs and outputs: the one source of their types and of the OpenAPI document. */
export const Role = z.enum(roles).openapi('Role');
export type Role = z.infer<typeof Role>;

export const RoleGrant = z.object({ role: Role, unitId: z.uuid() }).strict().openapi('RoleGrant');
export type RoleGrant = z.infer<typeof RoleGrant>;

export const loginName = z
  .string()
  .trim()
  .min(limits.login.min)
  .max(limits.login.max)
  .regex(/^[A-Za-z0-9_.@-]+$/, 'letters, digits and _ . @ - only');
export const password = z.string().min(limits.password.min).max(limits.password.max);
export const displayName = z.string().trim().min(limits.userName.min).max(limits.userName.max);
export const phone = z.string().regex(limits.phone, 'a mainland mobile number of 11 digits');

export const UserView = z
  .object({
    id: z.uuid(),
    login: z.string(),
    displayName: z.string(),
    phoneMasked: z.string().nullable(),
    disabled: z.boolean(),
    mustChangePassword: z.boolean(),
    isDemo: z.boolean(),
    roles: z.array(RoleGrant.extend({ unitName: z.string() })),
    createdAt: z.string(),
  })
  .openapi('User');
export type UserView = z.infer<typeof UserView>;

export const CreateUserInput = z
  .object({
    login: loginName,
    displayName,
    phone: phone.optional(),
    password: password.optional(),
    roles: z.array(RoleGrant).max(20).default([]),
  })
  .strict()
  .openapi('CreateUserInput');
export type CreateUserInput = z.infer<typeof CreateUserInput>;

export const UpdateUserInput = z
  .object({ displayName: displayName.optional(), disabled: z.boolean().optional() })
  .strict()
  .openapi('UpdateUserInput');

export const CreateInvitationInput = z
  .object({
    displayName,
    roles: z.array(RoleGrant).min(1).max(20),
    days: z.number().int().min(1).max(30).default(7),
  })
  .strict()
  .openapi('CreateInvitationInput');

export const invitationStates = ['open', 'accepted', 'expired', 'revoked'] as const;
export const InvitationState = z.enum(invitationStates).openapi('InvitationState');
export type InvitationState = z.infer<typeof InvitationState>;

/** An invitation as the accounts page lists it: names masked as in every staff list (PIPL). */
export const InvitationView = z
  .object({
    id: z.uuid(),
    displayName: z.string(),
    roles: z.array(RoleGrant.extend({ unitName: z.string() })),
    invitedBy: z.string(),
    state: InvitationState,
    createdAt: z.string(),
    expiresAt: z.string(),
    /** When it was accepted or revoked. */
    closedAt: z.string().nullable(),
  })
  .openapi('InvitationView');
export type InvitationView = z.infer<typeof InvitationView>;
