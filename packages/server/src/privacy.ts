/** 138****5678: the form PIPL practice uses in every list and export. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

/** 5001**********1234 for an 18-character resident ID number. */
export function maskIdNumber(id: string | null | undefined): string | null {
  if (!id) return null;
  return id.length > 8 ? `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}` : '****';
}

// Digits as people type them: ASCII or full-width (a Chinese input method gives either).
const DIGIT = '[0-9\uFF10-\uFF19]';
const NOT_AFTER_DIGIT = `(?<!${DIGIT})`;
const NOT_BEFORE_DIGIT = `(?!${DIGIT})`;
const ID_IN_TEXT = new RegExp(
  `${NOT_AFTER_DIGIT}${DIGIT}{17}[0-9\uFF10-\uFF19Xx\uFF38\uFF58]${NOT_BEFORE_DIGIT}`,
  'g',
);
// 138 1234 5678, 138-1234-5678 and +86 / 86 in front: the ways a mobile number is written.
const SEP = '[- \u3000\uFF0D]?';
const PHONE_IN_TEXT = new RegExp(
  `(?<![0-9\uFF10-\uFF19+\uFF0B])(?:[+\uFF0B]?[8\uFF18][6\uFF16]${SEP})?[1\uFF11]${DIGIT}{2}${SEP}${DIGIT}{4}${SEP}${DIGIT}{4}${NOT_BEFORE_DIGIT}`,
  'g',
);
/** The ASCII digits (and X) of a number as typed, separators and country code dropped by the caller. */
const asciiDigits = (s: string) =>
  s
    .replace(/[\uFF10-\uFF19\uFF38\uFF58]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[^0-9Xx]/g, '');

/**
 * Free text (a suggestion, a comment, a survey's open answer) with any mainland mobile number or
 * resident ID number in it masked: the forms ask for neither, but people type them anyway.
 */
export function maskNumbersInText(text: string): string {
  return text
    .replace(ID_IN_TEXT, (id) => maskIdNumber(asciiDigits(id))!)
    .replace(PHONE_IN_TEXT, (phone) => maskPhone(asciiDigits(phone).slice(-11))!);
}

/** The same text with those numbers left out altogether (a space each), for what must not match them. */
export function withoutNumbersInText(text: string): string {
  return text.replace(ID_IN_TEXT, ' ').replace(PHONE_IN_TEXT, ' ');
}
