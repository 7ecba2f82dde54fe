import type { TFunction } from 'i18next';

/** A field error as the API sends it: an English message, and a stable code with its numbers. */
export interface FieldErrorLike {
  message: string;
  code?: string;
  params?: Record<string, string | number>;
}

/**
 * The field error in the reader's language: `errors.field.<code>_<origin>` (too_small of a
 * string, of an array, …), then `errors.field.<code>`, else the server's English message.
 */
export function fieldMessage(t: TFunction, error: FieldErrorLike): string {
  if (!error.code) return error.message;
  const origin = error.params?.origin;
  const keys = [`errors.field.${error.code}`];
  if (origin !== undefined) keys.unshift(`errors.field.${error.code}_${origin}`);
  return t(keys, { ...error.params, defaultValue: error.message });
}
