import type { HolidaySpan, MakeupWorkday } from './arrangement.js';
import { isIsoDate, toDayNumber } from './date.js';

/**
 * Reading the State Council General Office's yearly notice (国务院办公厅关于XXXX年部分节假日安排的通知)
 * as it is published, so that the office can add a year by pasting it rather than typing dates.
 * Written by hand: the notice is a short, fixed-form Chinese text that no parsing library knows.
 *
 * Each numbered item names a holiday and says, in sentences, which days are off (…放假[调休]，共N天,
 * or one day …放假，与周末连休) and which weekend days are worked (…上班). A date names its year only
 * when it is not the notice's (2022年12月31日 in the notice for 2023); "至3日" keeps the month before.
 */
export interface ParsedNotice {
  /** The year the notice arranges, from its title or its first sentence. */
  year?: number;
  title?: string;
  /** Its document number (文号), e.g. 国办发明电〔2026〕8号, where the pasted text gives it. */
  number?: string;
  /** The date it was signed, from the signature at its end. */
  issued?: string;
  holidays: HolidaySpan[];
  workdays: MakeupWorkday[];
  /** Items the reading could not use, verbatim, so the reader sees what was left out. */
  unread: string[];
}

const NUMBERED_ITEM = /^[一二三四五六七八九十]+、/;
const DATE = /(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日/g;

// A document number (文号): the issuer's code, the year in 〔〕 (pasted as [], 【】, ［］ or () too),
// the serial and 号: 国办发明电〔2026〕8号.
const DOCUMENT_NUMBER = /([\u4e00-\u9fff]{2,12})\s*[〔［[【(（]\s*(\d{4})\s*[〕］\]】)）]\s*(\d{1,4})\s*号/;

/** The notice's document number in its official form, with 〔〕 around the year. */
function documentNumber(text: string): string | undefined {
  const found = DOCUMENT_NUMBER.exec(
    text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)),
  );
  return found ? `${found[1]}〔${found[2]}〕${Number(found[3])}号` : undefined;
}

/** Full-width digits, punctuation and brackets as ASCII; annotations in brackets dropped. */
function plain(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/：/g, ':')
    .replace(/\([^)]*\)/g, '')
    .replace(/[ \t\u3000]/g, '');
}

/** The dates of a sentence in order; a date without month or year takes the one before it. */
function datesIn(sentence: string, year: number): string[] {
  const out: string[] = [];
  let y = year;
  let m: number | undefined;
  for (const match of sentence.matchAll(DATE)) {
    if (match[1]) y = Number(match[1]);
    if (match[2]) m = Number(match[2]);
    if (m === undefined) continue;
    const iso = `${y}-${String(m).padStart(2, '0')}-${String(Number(match[3])).padStart(2, '0')}`;
    if (isIsoDate(iso)) out.push(iso);
  }
  return out;
}

function readDaysOff(name: string, sentence: string, year: number, into: ParsedNotice): boolean {
  const dates = datesIn(sentence, year);
  if (dates.length === 0 || !(sentence.includes('放假') || sentence.includes('补休'))) return false;
  const stated = /共(\d+)天/.exec(sentence);
  if (sentence.includes('至') && dates.length >= 2) {
    const [start, end] = [dates[0]!, dates[1]!];
    const span = toDayNumber(end) - toDayNumber(start) + 1;
    into.holidays.push({ name, start, end, days: stated ? Number(stated[1]) : span });
    return true;
  }
  // One day per date (…放假，与周末连休; an older notice's …补休).
  for (const date of dates)
    into.holidays.push({
      name,
      start: date,
      end: date,
      days: 1,
      ...(sentence.includes('与周末连休') ? { note: '与周末连休' } : {}),
    });
  return true;
}

function readItem(name: string, body: string, year: number, into: ParsedNotice): boolean {
  let read = false;
  for (const sentence of body.split(/[。；;]/)) {
    // A clause with 上班 names worked days; the others of the sentence, the days off and their count.
    const clauses = sentence.split(/[，,]/);
    for (const clause of clauses.filter((c) => c.includes('上班')))
      for (const date of datesIn(clause, year)) {
        into.workdays.push({ date, name });
        read = true;
      }
    const off = clauses.filter((c) => !c.includes('上班')).join('，');
    if (readDaysOff(name, off, year, into)) read = true;
  }
  return read;
}

/** Reads a pasted notice; what it cannot read is listed in `unread`, never guessed. */
export function parseHolidayNotice(text: string, options: { year?: number } = {}): ParsedNotice {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const titleLine = lines.find((l) => /关于\s*\d{4}\s*年部分节假日安排的通知/.test(l));
  const title = titleLine
    ? /国务院办公厅关于\s*\d{4}\s*年部分节假日安排的通知/.exec(titleLine)?.[0]
    : undefined;
  const yearText = /(\d{4})\s*年(?:元旦|部分节假日)/.exec(plain(text));
  const year = options.year ?? (yearText ? Number(yearText[1]) : undefined);
  const number = documentNumber(text);
  const out: ParsedNotice = {
    holidays: [],
    workdays: [],
    unread: [],
    ...(title ? { title } : {}),
    ...(number ? { number } : {}),
  };
  if (year === undefined) return { ...out, unread: lines.filter((l) => NUMBERED_ITEM.test(plain(l))) };
  out.year = year;
  for (const line of lines) {
    const p = plain(line);
    if (!NUMBERED_ITEM.test(p)) continue;
    const item = p.replace(NUMBERED_ITEM, '');
    const colon = item.indexOf(':');
    const name = colon > 0 ? item.slice(0, colon) : '';
    if (!name || !readItem(name, item.slice(colon + 1), year, out)) out.unread.push(line);
  }
  // The signature's date: the last line that is nothing but a full date of the year before.
  for (const line of lines) {
    const signed = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(plain(line));
    if (!signed || Number(signed[1]) >= year) continue;
    const iso = `${signed[1]}-${signed[2]!.padStart(2, '0')}-${signed[3]!.padStart(2, '0')}`;
    if (isIsoDate(iso)) out.issued = iso;
  }
  return out;
}
