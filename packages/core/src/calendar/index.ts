/**
 * China's official working days (browser-safe): weekends are off except make-up workdays
 * (调休), statutory holidays are off, per the State Council General Office's yearly notice.
 */
import type { YearArrangement } from './arrangement.js';
import { officialArrangements } from './data/index.js';
import { arrangementProblems, createWorkCalendar, type WorkCalendar } from './work-calendar.js';

export * from './arrangement.js';
export { officialArrangements } from './data/index.js';
export { dayOfWeek, fromDayNumber, isIsoDate, toDayNumber } from './date.js';
export * from './errors.js';
export { type ParsedNotice, parseHolidayNotice } from './notice.js';
export {
  arrangementProblems,
  createWorkCalendar,
  type DayKind,
  type WorkCalendar,
} from './work-calendar.js';

/** The years whose arrangement ships with the code; a year loaded at run time is never one of them. */
export const builtInYears: readonly number[] = officialArrangements.map((a) => a.year);

let active = createWorkCalendar(officialArrangements);

/**
 * Adds the years an office loaded from a later notice (kept in the database) to the built-in
 * ones, replacing any loaded before. The whole set is checked first (`createWorkCalendar`), so a
 * bad year leaves the calendar as it was and throws a `CalendarError`.
 */
export function setLoadedArrangements(years: readonly YearArrangement[]): void {
  active = calendarWithLoaded(years);
}

/** Every way in which these loaded years, with the built-in ones, do not add up: empty when they do. */
export const problemsWithLoaded = (years: readonly YearArrangement[]) =>
  arrangementProblems([...officialArrangements, ...years]);

/** The calendar of the built-in years and these loaded ones; throws a `CalendarError` if they do not add up. */
export const calendarWithLoaded = (years: readonly YearArrangement[]): WorkCalendar =>
  createWorkCalendar([...officialArrangements, ...years]);

/**
 * The official calendar (see docs/methods/calendar-draw-schedule.md): the built-in years and any
 * loaded with {@link setLoadedArrangements}. It reads whichever set is current at each call.
 */
export const officialCalendar: WorkCalendar = {
  get years() {
    return active.years;
  },
  dayKind: (date) => active.dayKind(date),
  holidayName: (date) => active.holidayName(date),
  isWorkday: (date) => active.isWorkday(date),
  addWorkdays: (date, n) => active.addWorkdays(date, n),
  workdaysBetween: (start, end) => active.workdaysBetween(start, end),
  nextWorkday: (date, options) => active.nextWorkday(date, options),
  workdaysIn: (start, end) => active.workdaysIn(start, end),
};

export const isWorkday = (date: string): boolean => officialCalendar.isWorkday(date);
export const addWorkdays = (date: string, n: number): string => officialCalendar.addWorkdays(date, n);
export const workdaysBetween = (start: string, end: string): number =>
  officialCalendar.workdaysBetween(start, end);
export const nextWorkday = (date: string, options?: { inclusive?: boolean }): string =>
  officialCalendar.nextWorkday(date, options);
