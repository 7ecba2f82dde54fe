import { type FieldMaskers, maskingFields, maskNumbersInText } from '../../../privacy.js';

/**
 * The text people type on a visit, as the audit log keeps it: a finding's note and requirement,
 * a rectification's note and the reason it was returned, a rescheduling's reason, a rating's
 * comment, each with any phone or ID number in it masked, as the verifiers' view and every list
 * show them (a note often quotes whom to call). Everything else is kept as it is.
 */
const maskers: FieldMaskers = {
  note: maskNumbersInText,
  requirement: maskNumbersInText,
  reason: maskNumbersInText,
  comment: maskNumbersInText,
};

/** An audit entry's `before` or `after` with those fields masked, at any depth. */
export const maskedForAudit = maskingFields(maskers);
