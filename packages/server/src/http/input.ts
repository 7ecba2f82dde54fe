import { z } from '@hono/zod-openapi';
import { limits } from '@qianxing/core/limits';
import type { FieldError } from '../errors.js';

/**
 * A calendar date (YYYY-MM-DD) inside the years a district plans in. zod alone takes any year
 * from 0000 to 9999, and PostgreSQL refuses year 0 outright, so without this range a typo in a
 * date picker reached the database and answered 500.
 */
export const isoDate = () =>
  z.iso.date().refine((d) => d >= limits.date.min && d <= limits.date.max, {
    message: `a date from ${limits.date.min} to ${limits.date.max}`,
    params: { reason: 'date_out_of_range', minimum: limits.date.min, maximum: limits.date.max },
  });

// In a `u` regex a UTF-16 half without its partner is a code point of category Cs; pairs are not.
const loneSurrogate = /\p{Surrogate}/u;

/**
 * True when PostgreSQL can store the text: no NUL (text columns refuse it) and no lone surrogate
 * (UTF-8 cannot encode one; json columns refuse its escape, text columns would get U+FFFD).
 */
export function isStorableText(text: string): boolean {
  return !text.includes('\u0000') && !loneSurrogate.test(text);
}

export const unstorableText = (path: string): FieldError => ({
  path,
  message: 'contains a NUL character or a broken UTF-16 pair',
  code: 'invalid_characters',
});

/**
 * Field errors for every string in `value` (object keys included) that the database could not
 * store, by path. Walks validated input, so its depth and size are bounded by the schemas.
 */
export function unstorableTextErrors(value: unknown, path: string[] = []): FieldError[] {
  const here = () => path.join('.') || '(body)';
  if (typeof value === 'string') return isStorableText(value) ? [] : [unstorableText(here())];
  if (Array.isArray(value)) return value.flatMap((v, i) => unstorableTextErrors(v, [...path, String(i)]));
  if (value === null || typeof value !== 'object') return [];
  if (value instanceof Blob || value instanceof Date) return [];
  return Object.entries(value).flatMap(([key, v]) => [
    ...(isStorableText(key) ? [] : [unstorableText(here())]),
    ...unstorableTextErrors(v, [...path, key]),
  ]);
}
