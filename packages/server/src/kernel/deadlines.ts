import {
  addWorkdays,
  officialCalendar,
  type WorkCalendar,
  workdaysBetween,
  YearNotCoveredError,
} from '@qianxing/core/calendar';
import { and, gte, lt, lte, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/**
 * Due dates counted in official Chinese working days (`@qianxing/core/calendar`): weekends off
 * except make-up days, statutory holidays off. Dates are `YYYY-MM-DD` in China Standard Time.
 */

// Made once: building a formatter with a time zone costs about a tenth of a millisecond, and
// every public submission asks for today's date (a twentieth of a submission's event-loop time).
const chinaDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });

/** Today in China Standard Time, where every deadline is counted. */
export const todayInChina = (now = new Date()): string => chinaDate.format(now);

/** The moment a day (YYYY-MM-DD) begins in China Standard Time: 16:00 UTC the day before. */
export const chinaDayStart = (day: string): Date => new Date(`${day}T00:00:00+08:00`);

/**
 * A moment as YYYY-MM-DD HH:mm:ss on Qianjiang's clock (UTC+8 all year, no daylight saving), as a
 * workbook shows times: staff read them as the pages do, where an answer given at 23:30 belongs
 * to its own day, not to the UTC day before or after.
 */
export const momentInChina = (at: Date): string =>
  new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');

/** Monday to Friday only: the fallback for a year the official calendar does not cover yet. */
function addWeekdays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  for (let left = n; left > 0; ) {
    d.setUTCDate(d.getUTCDate() + 1);
    const day = d.getUTCDay();
    if (day !== 0 && day !== 6) left--;
  }
  return d.toISOString().slice(0, 10);
}

/** Monday to Friday in (start, end], negative when `end` is before `start`: how {@link addWeekdays} counts. */
function weekdaysBetween(start: string, end: string): number {
  if (end < start) return -weekdaysBetween(end, start);
  const d = new Date(`${start}T00:00:00Z`);
  const last = Date.parse(`${end}T00:00:00Z`);
  let n = 0;
  for (d.setUTCDate(d.getUTCDate() + 1); d.getTime() <= last; d.setUTCDate(d.getUTCDate() + 1)) {
    const day = d.getUTCDay();
    if (day !== 0 && day !== 6) n++;
  }
  return n;
}

/**
 * The n-th working day after `date`. A year the calendar does not cover yet (its notice comes
 * out in November) counts Monday to Friday, so a deadline is never refused for want of data.
 */
export function dueAfter(date: string, workdays: number): string {
  try {
    return addWorkdays(date, workdays);
  } catch (error) {
    if (error instanceof YearNotCoveredError) return addWeekdays(date, workdays);
    throw error;
  }
}

/**
 * The first day of December (MM-DD) a notice for the next year has given off or made a working
 * day: the 2019 notice (国办发明电〔2018〕15号) gave 30 and 31 December 2018 off and made Saturday
 * 29 December a working day. From this day on, a December's days may still move until the next
 * year's notice is loaded (docs/methods.md, working days).
 */
export const NEXT_NOTICE_REACH = '12-29';

/**
 * Whether a due date counted from `from` ran through a year the official calendar does not cover
 * yet: that year counts Monday to Friday (`dueAfter`), so the date is provisional until the year's
 * notice is loaded, when the stored dates are counted again (deadline-recount.ts). So is a date in
 * the last days of December ({@link NEXT_NOTICE_REACH}) while the next year is not covered: that
 * year's notice may give those days off or make one a working day.
 */
export function dueProvisional(from: string, due: string, covered = officialCalendar.years): boolean {
  return provisionalYear(from, due, covered) !== null;
}

/**
 * The year whose notice a provisional due date waits for (the first not covered, as
 * {@link dueProvisional} reads them), or null when the date is final: what a page names when it
 * says the date may still move. A late-December date of a covered year waits for the next one.
 */
export function provisionalYear(from: string, due: string, covered = officialCalendar.years): number | null {
  const last = Number(due.slice(0, 4));
  for (let year = Number(from.slice(0, 4)); year <= last; year++) if (!covered.includes(year)) return year;
  return due >= from && due.slice(5) >= NEXT_NOTICE_REACH && !covered.includes(last + 1) ? last + 1 : null;
}

/** Whether something done at `at` missed its due date (the whole due day counts). */
export const isLate = (due: string, at: Date): boolean => todayInChina(at) > due;

/** Working days in (today, due]: 0 on the due day, negative when overdue. */
export function workdaysLeft(today: string, due: string): number {
  try {
    return workdaysBetween(today, due);
  } catch (error) {
    if (!(error instanceof YearNotCoveredError)) throw error;
    // Without the year's notice the due date was counted Monday to Friday (dueAfter): so are the
    // days left, else a date due in n working days would show another number.
    return weekdaysBetween(today, due);
  }
}

export type DueState = 'overdue' | 'due_soon' | 'on_time';

/** Where a due date stands today: past, within `soon` working days, or later. */
export function dueState(due: string, today: string, soon: number): DueState {
  if (today > due) return 'overdue';
  return due <= dueAfter(today, soon) ? 'due_soon' : 'on_time';
}

/** A filter for rows whose due date (a `date` column) has passed. */
export const overdue = (column: PgColumn, today = todayInChina()): SQL => lt(column, today);

/** A filter for rows due from today up to `n` working days from today. */
export const dueWithin = (column: PgColumn, n: number, today = todayInChina()): SQL =>
  and(gte(column, today), lte(column, dueAfter(today, n)))!;

/** `dueAfter` on a given calendar (one with a year just loaded, before the process holds it). */
export function dueAfterOn(calendar: WorkCalendar, date: string, workdays: number): string {
  try {
    return calendar.addWorkdays(date, workdays);
  } catch (error) {
    if (error instanceof YearNotCoveredError) return addWeekdays(date, workdays);
    throw error;
  }
}

/**
 * How many working days `dueAfterOn(calendar, start, n)` counted to reach `due`: the same
 * calendar, or Monday to Friday where it did not cover a year. Recounting a stored due date on
 * a calendar with that year loaded keeps its n.
 */
export function workdaysCounted(calendar: WorkCalendar, start: string, due: string): number {
  try {
    return calendar.workdaysBetween(start, due);
  } catch (error) {
    if (!(error instanceof YearNotCoveredError)) throw error;
    return Math.max(0, weekdaysBetween(start, due));
  }
}
