import {
  type FieldMaskers,
  maskingFields,
  maskNumbersInText,
  maskPersonName,
  maskPhone,
} from '../../../privacy.js';

/**
 * The fields of the targets' records that hold personal data, and how the audit log keeps them:
 * a plan's liaison (name and phone) masked as the lists show them, and text people type (a row's
 * justification, a value's note, a review's reason, also as a returned record keeps it) and an
 * evidence file's name with any phone or ID number in it masked.
 */
const maskers: FieldMaskers = {
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
 * kept as it is.
 */
export const maskedForAudit = maskingFields(maskers);
