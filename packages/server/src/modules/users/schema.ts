import { z } from '@hono/zod-openapi';
import { limits } from '@qianxing/core/limits';
import { boolean, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { units } from '../units/api.js';

export const roles = [
  'admin',
  'organiser',
  'screener',
  'expert',
  'department_staff',
  'supervisor',
  'enterprise',
  'citizen',
] as const;
export const Role = z.enum(roles).openapi('Role');
export type Role = z.infer<typeof Role>;

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    login: text('login').notNull(),
    displayName: text('display_name').notNull(),
    phone: text('phone'),
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    disabled: boolean('disabled').notNull().default(false),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_login_key').on(t.login), uniqueIndex('users_phone_key').on(t.phone)],
);

/** A role held over a subtree of the unit tree. */
export const userRoles = pgTable(
  'user_roles',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: roles }).notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role, t.unitId] }), index('user_roles_unit_idx').on(t.unitId)],
);

export const invitations = pgTable('invitations', {
  id: uuid('id').primaryKey().defaultRandom(),
  tokenHash: text('token_hash').notNull().unique(),
  displayName: text('display_name').notNull(),
  grants: text('grants').notNull(),
  createdBy: uuid('created_by')
    .notNull()
    .references(() => users.id),
  expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }).notNull(),
  acceptedAt: timestamp('accepted_at', { withTimezone: true, precision: 3 }),
  acceptedBy: uuid('accepted_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

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
