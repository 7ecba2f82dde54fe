import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export const unitKinds = [
  'district',
  'subdistrict',
  'town',
  'township',
  'community',
  'village',
  'department',
  'other',
] as const;

/**
 * The unit tree. `path` is the materialised path of ids ("/root/…/self/") so that "is this unit
 * inside that subtree" is a prefix test, the question every scoped permission asks.
 */
export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: unitKinds }).notNull(),
    // A unit's parent cannot be deleted while it has children: the delete refuses it first, and
    // this key holds even against a write that skipped that check.
    parentId: uuid('parent_id').references((): AnyPgColumn => units.id),
    path: text('path').notNull(),
    sort: integer('sort').notNull().default(0),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('units_code_key').on(t.code),
    index('units_parent_idx').on(t.parentId),
    index('units_path_idx').on(sql`${t.path} text_pattern_ops`),
  ],
);
