import { z } from '@hono/zod-openapi';
import { limits } from '@qianxing/core/limits';
import { unitKinds } from './schema.js';

/** The unit tree's API inputs and outputs: the one source of their types and of the OpenAPI document. */
export const UnitKind = z.enum(unitKinds).openapi('UnitKind');
export type UnitKind = z.infer<typeof UnitKind>;

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

const unitFields = {
  code,
  name: z.string().trim().min(limits.unitName.min).max(limits.unitName.max),
  kind: UnitKind,
  parentId: z.uuid().nullable(),
};
const sort = z.number().int().min(0).max(100000);

export const CreateUnitInput = z
  .object({ ...unitFields, sort: sort.default(0) })
  .strict()
  .openapi('CreateUnitInput');
export type CreateUnitInput = z.infer<typeof CreateUnitInput>;

/**
 * Changes only what it names. Not `CreateUnitInput.partial()`: zod applies a default inside
 * `partial`, so a change of the name alone would put the unit's order back to 0.
 */
export const UpdateUnitInput = z
  .object({ ...unitFields, sort })
  .partial()
  .strict()
  .openapi('UpdateUnitInput');
export type UpdateUnitInput = z.infer<typeof UpdateUnitInput>;
