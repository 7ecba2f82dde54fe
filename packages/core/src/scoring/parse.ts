import type { z } from 'zod';
import { ScoringInputError } from './errors.js';

function pathLabel(path: ReadonlyArray<PropertyKey>): string {
  if (path.length === 0) return 'input';
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

/** Validates `value` with `schema`; every failure becomes one line of a ScoringInputError. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ScoringInputError(
    result.error.issues.map((issue) => `${pathLabel(issue.path)}: ${issue.message}`),
  );
}
