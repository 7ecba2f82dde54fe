import { maskNumbersInText, maskPersonName, maskPhone } from '../../../privacy.js';

/**
 * The fields of the targets' records that hold personal data, and how the audit log keeps them:
 * a plan's liaison (name and phone) masked as the lists show them, and text people type (a row's
 * justification, a value's note, a review's reason, also as a returned record keeps it) and an
 * evidence file's name with any phone or ID number in it masked.
 */
const maskers: Readonly<Record<string, (text: string) => string>> = {
  contactName: (text) => maskPersonName(text) ?? text,
  contactPhone: (text) => maskPhone(text) ?? text,
  fileName: maskNumbersInText,
  justification: maskNumbersInText,
  note: maskNumbersInText,
  reason: maskNumbersInText,
  returnReason: maskNumbersInText,
};

/**
 * An audit entry's `before` or `after` with those fields masked, at any depth; everything else
 * (ids above all, which a free-text masking could mistake for a number) kept as it is.
 */
export function maskedForAudit<T>(value: T): T {
  if (Array.isArray(value)) return value.map(maskedForAudit) as T;
  if (!value || typeof value !== 'object' || value instanceof Date) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => {
      const mask = maskers[key];
      return [key, typeof v === 'string' && mask ? mask(v) : maskedForAudit(v)];
    }),
  ) as T;
}
