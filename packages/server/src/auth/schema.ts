import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../modules/users/api.js';

/** Server-side sessions: the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull().unique(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true, precision: 3 }),
    userAgent: text('user_agent'),
    ip: text('ip'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Fixed-window counters for login throttling and rate limits, shared by every app process. */
export const throttles = pgTable('throttles', {
  key: text('key').primaryKey(),
  count: integer('count').notNull(),
  resetAt: timestamp('reset_at', { withTimezone: true, precision: 3 }).notNull(),
});

/**
 * The grouped counts of {@link throttles} lately committed, each by its batch's token with the
 * counts it brought its keys to: a batch whose answer was lost after its commit is answered from
 * here rather than counted twice. Kept minutes only (the counting statement prunes it).
 */
export const throttleBatches = pgTable(
  'throttle_batches',
  {
    token: uuid('token').primaryKey(),
    counted: jsonb('counted').$type<Array<{ key: string; count: number; reset_at: string }>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index('throttle_batches_created_idx').on(t.createdAt)],
);

/**
 * One-time codes sent by SMS (registration, recovery, anonymous supports and the like), one
 * pending code per phone and purpose: asking for a code for one purpose leaves the phone's code
 * for another where it is.
 */
export const verificationCodes = pgTable(
  'verification_codes',
  {
    phone: text('phone').notNull(),
    purpose: text('purpose').notNull(),
    codeHash: text('code_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.phone, t.purpose] })],
);

/**
 * Browsers an account signed in from, each known by a random token in a long-lived cookie; the
 * table holds only its SHA-256. A sign-in that presents one for the account it tries is judged
 * by the device's own wrong tries (`failures`, since its last right one), not by the limits an
 * attack on the account from elsewhere reaches (see device-limits.ts). What the owner's list
 * shows is kept as shown: the address masked, the browser in brief.
 */
export const rememberedDevices = pgTable(
  'remembered_devices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }).notNull(),
    failures: integer('failures').notNull().default(0),
    address: text('address').notNull(),
    browser: text('browser').notNull(),
  },
  (t) => [index('remembered_devices_user_idx').on(t.userId)],
);
