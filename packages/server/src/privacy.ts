/** 138****5678: the form PIPL practice uses in every list and export. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

/**
 * 张*, 王**: a person's name with its first character kept (the family name, mostly), the rest
 * starred; the spaces around it are not part of it, and a name of spaces alone is no name (null).
 */
export function maskPersonName(name: string | null | undefined): string | null {
  const chars = [...(name ?? '').trim()];
  if (chars.length === 0) return null;
  return chars.length === 1 ? '*' : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}

/**
 * Text naming people whose names are known (a scan named after its author, 张三-来信.pdf) with
 * each of those names masked as {@link maskPersonName} masks it. A name of one character is
 * left, which would mask that character wherever it stands; no other name can be told in text.
 */
export function maskNamesInText(text: string, names: readonly (string | null | undefined)[]): string {
  const known = [...new Set(names.map((n) => n?.trim() ?? ''))]
    .filter((n) => [...n].length > 1)
    // 欧阳娜娜 before 欧阳, which it holds.
    .sort((a, b) => b.length - a.length);
  return known.reduce((masked, name) => masked.replaceAll(name, maskPersonName(name)!), text);
}

/** 5001**********1234 for an 18-character resident ID number. */
export function maskIdNumber(id: string | null | undefined): string | null {
  if (!id) return null;
  return id.length > 8 ? `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}` : '****';
}

// Digits as people type them: ASCII or full-width (a Chinese input method gives either).
const DIGIT = '[0-9\uFF10-\uFF19]';
// Invisible characters that can sit between digits unseen (zero-width space, non-joiner, joiner,
// word joiner, byte-order mark): copied from elsewhere, or put there to slip a number past.
const INVISIBLE = '[\u200B\u200C\u200D\u2060\uFEFF]*';
// What people put between the groups of a number, or between every digit: spaces of any kind,
// dashes, dots, slashes, brackets around the area part. Up to two between two digits.
const SEPARATOR = '[-\\s./()\u00B7\u2013\u2014\u3000\uFF08\uFF09\uFF0D\uFF0E\uFF0F]';
const GAP = `${INVISIBLE}(?:${SEPARATOR}${INVISIBLE}){0,2}`;
/** `count` digits, each after the one before with at most a gap between them. */
const digits = (count: number) => `${DIGIT}(?:${GAP}${DIGIT}){${count - 1}}`;
// A number stands alone: no digit just before or after it, even across a gap.
const NOT_AFTER_DIGIT = `(?<!${DIGIT}${GAP})`;
const NOT_BEFORE_DIGIT = `(?!${GAP}${DIGIT})`;
const ID_IN_TEXT = new RegExp(
  `${NOT_AFTER_DIGIT}${digits(17)}${GAP}[0-9\uFF10-\uFF19Xx\uFF38\uFF58](?![0-9\uFF10-\uFF19])`,
  'g',
);
// A mainland mobile number (1, then 3 to 9, then nine digits), with +86 or 86 in front or not,
// the area part in brackets or not: 138 1234 5678, 138-1234-5678, 138.1234.5678, (138)1234-5678.
const PHONE_IN_TEXT = new RegExp(
  `(?<![0-9\uFF10-\uFF19+\uFF0B]${GAP})(?:[+\uFF0B]?[8\uFF18]${GAP}[6\uFF16]${GAP})?[(\uFF08]?[1\uFF11]${GAP}[3-9\uFF13-\uFF19]${GAP}${digits(9)}${NOT_BEFORE_DIGIT}`,
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

/** {@link maskNumbersInText} of a text that may be absent. */
export const maskNumbersInOptionalText = (text: string | null): string | null =>
  text === null ? null : maskNumbersInText(text);

// Keys under which a record keeps a person's name: an account's, a resident's, a firm's contact's,
// a liaison cadre's, a commissioner's, whoever recorded a figure.
const PERSON_NAME_KEYS = new Set([
  'displayName',
  'realName',
  'contactName',
  'cadreName',
  'commissionerName',
  'recordedByName',
]);
// Lists whose items are people, each with a `name` (a study visit's members, a firm's contacts).
const PEOPLE_KEYS = new Set(['members', 'contacts']);
// Lists whose lines each may name a person (an event's attendees): every line masked as a name,
// as the readers who may not correct the event read them.
const NAME_LINES_KEYS = new Set(['attendees']);
// Phone fields hold landlines too, which the free-text masking does not recognise.
const PHONE_KEY = /phone$/i;
const ID_NUMBER_KEY = /idNumber$/i;

/**
 * A JSON value (an audit event's before and after, say) masked as the lists mask the same data:
 * a person's name (or a line of a list of attendees) as `maskPersonName`, a phone or ID number
 * field as `maskPhone` and `maskIdNumber`, and every other string as `maskNumbersInText` masks
 * free text; keys, numbers and the shape are kept.
 */
export function maskPersonalJson(value: unknown, people = false): unknown {
  if (typeof value === 'string') return maskNumbersInText(value);
  if (Array.isArray(value)) return value.map((item) => maskPersonalJson(item, people));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, maskField(key, v, people)]));
  return value;
}

function maskField(key: string, value: unknown, person: boolean): unknown {
  if (typeof value === 'string') {
    if (PERSON_NAME_KEYS.has(key) || (person && key === 'name')) return maskPersonName(value) ?? value;
    if (PHONE_KEY.test(key)) return maskPhone(value) ?? value;
    if (ID_NUMBER_KEY.test(key)) return maskIdNumber(value) ?? value;
  }
  if (NAME_LINES_KEYS.has(key) && Array.isArray(value))
    return value.map((line) => (typeof line === 'string' ? (maskPersonName(line) ?? line) : line));
  return maskPersonalJson(value, PEOPLE_KEYS.has(key));
}

/** The same text with those numbers left out altogether (a space each), for what must not match them. */
export function withoutNumbersInText(text: string): string {
  return text.replace(ID_IN_TEXT, ' ').replace(PHONE_IN_TEXT, ' ');
}

/** How a field's text is masked, by the field's name. */
export type FieldMaskers = Readonly<Record<string, (text: string) => string>>;

/**
 * A function that masks, at any depth of a record (an audit event's before or after), the string
 * fields `maskers` names, each as its masker says; everything else (ids above all, which a
 * free-text masking could mistake for a number) is kept as it is.
 */
export function maskingFields(maskers: FieldMaskers): <T>(value: T) => T {
  const masked = <T>(value: T): T => {
    if (Array.isArray(value)) return value.map(masked) as T;
    if (!value || typeof value !== 'object' || value instanceof Date) return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, v]) => {
        const mask = maskers[key];
        return [key, typeof v === 'string' && mask ? mask(v) : masked(v)];
      }),
    ) as T;
  };
  return masked;
}
