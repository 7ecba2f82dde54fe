import { maskingFields, maskNumbersInText } from '../../../privacy.js';

/**
 * The text people type into the reforms' records, as the audit log keeps it: a report's summary
 * and problems, a milestone's note, a return's or a correction's reason, and the name of a file
 * (evidence, a learning report, a session's material), with any phone or ID number in it masked
 * (the public pages mask the same text so).
 */
export const maskedForAudit = maskingFields({
  summary: maskNumbersInText,
  problems: maskNumbersInText,
  note: maskNumbersInText,
  reason: maskNumbersInText,
  returnReason: maskNumbersInText,
  fileName: maskNumbersInText,
});
