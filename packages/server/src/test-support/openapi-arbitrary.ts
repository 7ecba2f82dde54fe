import fc from 'fast-check';

/** A JSON Schema node of the OpenAPI document, as far as the fuzz tests read it. */
export type Schema = Record<string, unknown>;

/** Where the generated values come from: `name` is the property the value is for, if any. */
export interface Leaves {
  string(schema: Schema, name: string): fc.Arbitrary<string>;
  uuid(name: string): fc.Arbitrary<string>;
  date: fc.Arbitrary<string>;
}

const resolve = (schema: Schema, doc: Schema): Schema => {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  const name = ref.replace('#/components/schemas/', '');
  return resolve((doc.components as { schemas: Record<string, Schema> }).schemas[name]!, doc);
};

/** allOf of objects as one object: the properties and required keys of every part. */
function merged(parts: Schema[], doc: Schema): Schema {
  const out: Schema = { type: 'object', properties: {}, required: [] as string[] };
  for (const part of parts.map((p) => resolve(p, doc))) {
    Object.assign(out.properties as Schema, part.properties ?? {});
    (out.required as string[]).push(...((part.required as string[] | undefined) ?? []));
    if (part.additionalProperties !== undefined) out.additionalProperties = part.additionalProperties;
  }
  return out;
}

function numberOf(schema: Schema, integer: boolean): fc.Arbitrary<number> {
  const min = typeof schema.minimum === 'number' ? schema.minimum : -1e9;
  const max = typeof schema.maximum === 'number' ? schema.maximum : 1e9;
  const edges = fc.constantFrom(min, max, min - 1, max + 1, 0, -1, 2 ** 31, -(2 ** 31), 1e308, -1e308);
  const inside = integer
    ? fc.integer({ min: Math.max(min, -(2 ** 40)), max: Math.min(max, 2 ** 40) })
    : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  return fc.oneof(inside, edges, integer ? fc.constant(0.5) : fc.constant(-0));
}

/**
 * Values shaped like `schema` (objects with their properties, enums from their lists), so that
 * requests get past the first checks and reach the services and the database; the strings,
 * ids and dates come from `leaves`.
 */
export function arbitraryOf(
  schema: Schema,
  doc: Schema,
  leaves: Leaves,
  name = '',
  depth = 0,
): fc.Arbitrary<unknown> {
  const s = resolve(schema, doc);
  if (depth > 8) return fc.constant(null);
  const next = (child: Schema, childName = name) => arbitraryOf(child, doc, leaves, childName, depth + 1);
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
  if (Array.isArray(s.allOf)) return next(merged(s.allOf as Schema[], doc));
  if (Array.isArray(s.anyOf)) return fc.oneof(...(s.anyOf as Schema[]).map((part) => next(part)));
  if (Array.isArray(s.type)) return fc.oneof(...(s.type as string[]).map((type) => next({ ...s, type })));
  switch (s.type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return numberOf(s, true);
    case 'number':
      return numberOf(s, false);
    case 'string':
      if (s.format === 'uuid') return leaves.uuid(name);
      if (s.format === 'date') return leaves.date;
      return leaves.string(s, name);
    case 'array': {
      if (Array.isArray(s.prefixItems)) return fc.tuple(...(s.prefixItems as Schema[]).map((p) => next(p)));
      const minLength = Math.min(Number(s.minItems ?? 0), 3);
      const maxLength = Math.max(minLength, Math.min(Number(s.maxItems ?? 3), 3));
      return fc.array(next((s.items as Schema | undefined) ?? {}), { minLength, maxLength });
    }
    case 'object': {
      const properties = (s.properties ?? {}) as Record<string, Schema>;
      const record = fc.record(
        Object.fromEntries(Object.entries(properties).map(([key, child]) => [key, next(child, key)])),
        { requiredKeys: ((s.required as string[] | undefined) ?? []).filter((k) => k in properties) },
      );
      const extra = s.additionalProperties;
      if (typeof extra !== 'object' || extra === null) return record;
      const more = fc.dictionary(leaves.string({}, name), next(extra as Schema), { maxKeys: 3 });
      return fc.tuple(record, more).map(([fixed, free]) => ({ ...free, ...fixed }));
    }
    default:
      return fc.oneof(fc.string(), fc.integer(), fc.constant(null));
  }
}

/** True when values of `schema` can hold a string (somewhere inside, or as object keys). */
export function holdsText(schema: Schema, doc: Schema, depth = 0): boolean {
  const s = resolve(schema, doc);
  if (depth > 8) return false;
  const parts = [s.allOf, s.anyOf, s.prefixItems].filter(Array.isArray).flat() as Schema[];
  if (parts.some((p) => holdsText(p, doc, depth + 1))) return true;
  const types = Array.isArray(s.type) ? s.type : [s.type];
  if (types.includes('string') || (Array.isArray(s.enum) && s.enum.some((v) => typeof v === 'string')))
    return true;
  if (typeof s.additionalProperties === 'object') return true;
  const children = [s.items, ...Object.values((s.properties ?? {}) as Record<string, Schema>)];
  return children.some((c) => typeof c === 'object' && c !== null && holdsText(c as Schema, doc, depth + 1));
}
