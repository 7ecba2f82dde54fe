import type { TFunction } from 'i18next';

/** A field error as the API sends it: an English message, and a stable code with its numbers. */
export interface FieldErrorLike {
  message: string;
  code?: string;
  params?: Record<string, string | number>;
}

// Params that name a record's states (a refused step's `current` and `wanted`), as the server
// sends them: state codes joined by commas.
const stateParams = ['current', 'wanted'] as const;

/**
 * States by name in the reader's words, joined as alternatives: as the record's own page names
 * them (`errors.states.<entity>.<state>`, the server's `entity` param), else the platform's
 * general words (`errors.states.<state>`).
 */
const statesIn = (t: TFunction, states: string, entity: unknown) =>
  states
    .split(',')
    .map((s) => {
      const own = typeof entity === 'string' && entity ? [`errors.states.${entity}.${s}`] : [];
      return t([...own, `errors.states.${s}`], { defaultValue: s });
    })
    .join(t('errors.states.separator'));

/**
 * The field error in the reader's language: `errors.field.<code>_<origin>` (too_small of a
 * string, of an array, …), then `errors.field.<code>`, else the server's English message.
 */
export function fieldMessage(t: TFunction, error: FieldErrorLike): string {
  if (!error.code) return error.message;
  const params = { ...error.params };
  for (const key of stateParams) {
    const states = params[key];
    if (typeof states === 'string') params[key] = statesIn(t, states, error.params?.entity);
  }
  const origin = params.origin;
  const keys = [`errors.field.${error.code}`];
  if (origin !== undefined) keys.unshift(`errors.field.${error.code}_${origin}`);
  return t(keys, { ...params, defaultValue: error.message });
}
