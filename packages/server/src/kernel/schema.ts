import { index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { at } from '../db/columns.js';

/**
 * Files attached to any module's records (scans of written suggestions, evidence of reports,
 * later requests' and inspections' evidence), keyed by their owner. The bytes live in the file
 * store under `<area>/<storage key>`. Owners are of many kinds, so no foreign key points at one;
 * each module removes its owners' attachments through the kernel.
 */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerKind: text('owner_kind').notNull(),
    ownerId: uuid('owner_id').notNull(),
    area: text('area').notNull(),
    storageKey: text('storage_key').notNull(),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: uuid('uploaded_by'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('attachments_owner_idx').on(t.ownerKind, t.ownerId, t.createdAt)],
);

/**
 * The one inbox of every module: a message key and its parameters (the web app words it), for a
 * signed-in user or for a tracking code (an anonymous author follows their suggestion by it).
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id'),
    trackingCode: text('tracking_code'),
    key: text('key').notNull(),
    params: jsonb('params').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: at('created_at').notNull().defaultNow(),
    readAt: at('read_at'),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt),
    index('notifications_code_idx').on(t.trackingCode),
  ],
);
