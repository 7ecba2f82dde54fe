import type { TFunction } from 'i18next';
import type { components } from '../../api/schema';

export type SubmitInput = components['schemas']['SubmitSuggestionInput'];

/** The form's fields as typed: every one a string, empty when not filled in. */
export interface SubmitDraft {
  title: string;
  body: string;
  domain: string;
  townId: string;
  authorKind: string;
  realName: string;
  phone: string;
}

export type SubmitField = keyof SubmitDraft;
export type SubmitErrors = Partial<Record<SubmitField, string>>;

export const emptyDraft: SubmitDraft = {
  title: '',
  body: '',
  domain: '',
  townId: '',
  authorKind: 'resident',
  realName: '',
  phone: '',
};

/** The fields in the form's order. */
export const submitFields = Object.keys(emptyDraft) as readonly SubmitField[];

interface Rule {
  required?: boolean;
  min?: number;
  max?: number;
  pattern?: RegExp;
  /** The i18n key of the pattern's message. */
  patternMessage?: string;
}

/** The checks the form makes before sending, the same the server makes (lengths in characters). */
export const submitRules: Record<SubmitField, Rule> = {
  title: { required: true, min: 4, max: 80 },
  body: { required: true, min: 10, max: 5000 },
  domain: {},
  townId: { required: true },
  authorKind: { required: true },
  realName: { max: 40 },
  phone: { pattern: /^1\d{10}$/, patternMessage: 'ideas.submit.phoneInvalid' },
};

/**
 * What is wrong with one field, in the reader's language (the server's own wording of the same
 * faults, errors.field.*), or undefined.
 */
export function fieldProblem(t: TFunction, field: SubmitField, value: string): string | undefined {
  const rule = submitRules[field];
  if (value === '') return rule.required ? t('errors.field.required') : undefined;
  if (rule.min !== undefined && value.length < rule.min)
    return t('errors.field.too_small_string', { minimum: rule.min });
  if (rule.max !== undefined && value.length > rule.max)
    return t('errors.field.too_big_string', { maximum: rule.max });
  if (rule.pattern && !rule.pattern.test(value))
    return t(rule.patternMessage ?? 'errors.field.invalid_format');
  return undefined;
}

/** Every field's problem; empty when the draft may be sent. */
export function draftProblems(t: TFunction, draft: SubmitDraft): SubmitErrors {
  const errors: SubmitErrors = {};
  for (const field of submitFields) {
    const problem = fieldProblem(t, field, draft[field]);
    if (problem) errors[field] = problem;
  }
  return errors;
}

/** The body the API takes: optional fields left out when empty. */
export function toInput(draft: SubmitDraft): SubmitInput {
  return {
    title: draft.title,
    body: draft.body,
    domain: draft.domain || undefined,
    townId: draft.townId,
    authorKind: draft.authorKind as SubmitInput['authorKind'],
    realName: draft.realName || undefined,
    phone: draft.phone || undefined,
  };
}
