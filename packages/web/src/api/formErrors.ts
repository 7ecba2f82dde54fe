import type { Problem } from './types';

export type NamePath = (string | number)[];

/**
 * The part of antd's FormInstance this mapping needs. `setFields` takes `never[]` so that a
 * form typed by its values (whose field names are a union of literals) fits too; the names
 * passed are always ones the form itself reported.
 */
export interface FieldForm {
  getFieldsError(): { name: NamePath; errors: string[] }[];
  setFields(fields: never[]): void;
}

/** "roles.0.unitId" → ['roles', 0, 'unitId'], the name path antd Form.List fields use. */
export function toNamePath(path: string): NamePath {
  return path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Splits a problem's field errors into those that match a field of the form and the rest
 * (errors about the whole body, or about a field the form does not show).
 */
export function matchFieldErrors(
  problem: Problem,
  fieldNames: NamePath[],
  word: (error: NonNullable<Problem['errors']>[number]) => string = (error) => error.message,
) {
  // Compared as text, and set under the form's own name: a record key made of digits (a survey
  // question coded "1") reads like a list index in a dotted path, yet names a field of the form.
  const keyOf = (name: NamePath) => JSON.stringify(name.map(String));
  const known = new Map(fieldNames.map((name) => [keyOf(name), name]));
  const matched = new Map<string, { name: NamePath; errors: string[] }>();
  const unmatched: NonNullable<Problem['errors']> = [];
  for (const error of problem.errors ?? []) {
    const key = keyOf(toNamePath(error.path));
    const name = known.get(key);
    if (!name) {
      unmatched.push(error);
      continue;
    }
    const entry = matched.get(key) ?? { name, errors: [] };
    entry.errors.push(word(error));
    matched.set(key, entry);
  }
  return { matched: [...matched.values()], unmatched };
}

/**
 * Shows a problem's field errors on the form's fields. Returns the errors that found no
 * field, so the caller can show them (with the problem's code) in a message instead.
 */
export function applyProblemToForm(
  form: FieldForm,
  problem: Problem,
  word?: (error: NonNullable<Problem['errors']>[number]) => string,
) {
  const names = form.getFieldsError().map((field) => field.name);
  const { matched, unmatched } = matchFieldErrors(problem, names, word);
  if (matched.length > 0) form.setFields(matched as never[]);
  return { matchedCount: matched.length, unmatched };
}
