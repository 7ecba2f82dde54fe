import { z } from '@hono/zod-openapi';
import { limits } from '@qianxing/core/limits';
import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

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
export const UnitKind = z.enum(unitKinds).openapi('UnitKind');

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
    parentId: uuid('parent_id'),
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

export const Unit = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    kind: UnitKind,
    parentId: z.uuid().nullable(),
    path: z.string(),
    sort: z.number().int(),
    isDemo: z.boolean(),
  })
  .openapi('Unit');
export type Unit = z.infer<typeof Unit>;

const code = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, _ . - only');

export const CreateUnitInput = z
  .object({
    code,
    name: z.string().trim().min(limits.unitName.min).max(limits.unitName.max),
    kind: UnitKind,
    parentId: z.uuid().nullable(),
    sort: z.number().int().min(0).max(100000).default(0),
  })
  .strict()
  .openapi('CreateUnitInput');
export type CreateUnitInput = z.infer<typeof CreateUnitInput>;

export const UpdateUnitInput = CreateUnitInput.partial().strict().openapi('UpdateUnitInput');
export type UpdateUnitInput = z.infer<typeof UpdateUnitInput>;
