import { Converter } from 'opencc-js/t2cn';

/** Traditional → simplified (OpenCC's "t" standard to mainland "cn"), built once on first use. */
let toCn: ((s: string) => string) | undefined;

/** Converts traditional characters to simplified ones (opencc-js, browser-safe). */
export function toSimplified(text: string): string {
  const convert: (s: string) => string = toCn ?? Converter({ from: 't', to: 'cn' });
  toCn = convert;
  return convert(text);
}

/**
 * Punctuation folded to one ASCII form after NFKC: Chinese full stops, enumeration commas,
 * quotation marks, book-title marks and brackets. Everything else of category P or S is left
 * to the `punctuation` option of {@link normalizeText}.
 */
const PUNCT_MAP: Record<string, string> = {
  '。': '.',
  '、': ',',
  '“': '"',
  '”': '"',
  '‘': "'",
  '’': "'",
  '《': '"',
  '》': '"',
  '「': '"',
  '」': '"',
  '『': '"',
  '』': '"',
  '【': '[',
  '】': ']',
  '〔': '[',
  '〕': ']',
  '…': '.',
  '—': '-',
  '－': '-',
  '～': '~',
  '·': ' ',
  '・': ' ',
};
const PUNCT_RE = new RegExp(`[${Object.keys(PUNCT_MAP).join('')}]`, 'g');
const ANY_PUNCT_RE = /[\p{P}\p{S}]+/gu;
const SPACE_RE = /\s+/gu;
// Quick test: only run OpenCC when a character outside ASCII is present.
const NON_ASCII_RE = /[^\p{ASCII}]/u;

export interface NormalizeOptions {
  /** Convert traditional to simplified characters (default true). */
  simplified?: boolean;
  /** `keep` folds punctuation to one ASCII form; `space` turns it into spaces; `remove` drops it. Default `keep`. */
  punctuation?: 'keep' | 'space' | 'remove';
  /** `keep` leaves digits (full-width ones become ASCII); `mask` replaces each run of digits with "0". Default `keep`. */
  digits?: 'keep' | 'mask';
  /** Lower-case Latin letters (default true). */
  lowercase?: boolean;
}

/**
 * Normalises a text for matching: Unicode NFKC (full-width letters, digits and punctuation
 * become half-width; ① becomes 1), traditional → simplified, lower case, one form of
 * punctuation, runs of white space collapsed to one space and trimmed. Idempotent.
 * Browser-safe.
 */
export function normalizeText(text: string, options: NormalizeOptions = {}): string {
  let s = text.normalize('NFKC');
  if (options.simplified !== false && NON_ASCII_RE.test(s)) s = toSimplified(s).normalize('NFKC');
  if (options.lowercase !== false) s = s.toLowerCase();
  s = s.replace(PUNCT_RE, (c) => PUNCT_MAP[c] ?? c);
  const punct = options.punctuation ?? 'keep';
  if (punct === 'space') s = s.replace(ANY_PUNCT_RE, ' ');
  else if (punct === 'remove') s = s.replace(ANY_PUNCT_RE, '');
  if (options.digits === 'mask') s = s.replace(/\d+(?:\.\d+)?/g, '0');
  return s.replace(SPACE_RE, ' ').trim();
}

/** Full-width → half-width only (U+FF01–U+FF5E and the ideographic space), without NFKC's other folds. */
export function toHalfWidth(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c === 0x3000) out += ' ';
    else if (c >= 0xff01 && c <= 0xff5e) out += String.fromCodePoint(c - 0xfee0);
    else out += ch;
  }
  return out;
}

/** The text as matching sees it: normalised, without punctuation or spaces between Han characters. */
export function matchForm(text: string): string {
  return normalizeText(text, { punctuation: 'remove' }).replace(/\s+/g, ' ');
}
