import { boolean, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { units } from '../units/api.js';

export const roles = [
  'admin',
  'organiser',
  'screener',
  'expert',
  'department_staff',
  'supervisor',
  'liaison',
  'enterprise',
  'citizen',
] as const;

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
  /** Withdrawn by an admin before anyone accepted it: its link opens nothing from then on. */
  revokedAt: timestamp('revoked_at', { withTimezone: true, precision: 3 }),
  revokedBy: uuid('revoked_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});
