/**
 * China's official working days (browser-safe): weekends are off except make-up workdays
 * (调休), statutory holidays are off, per the State Council General Office's yearly notice.
 */
import { officialArrangements } from './data/index.js';
import { createWorkCalendar, type WorkCalendar } from './work-calendar.js';

export * from './arrangement.js';
export { officialArrangements } from './data/index.js';
export { dayOfWeek, fromDayNumber, isIsoDate, toDayNumber } from './date.js';
export * from './errors.js';
export { createWorkCalendar, type DayKind, type WorkCalendar } from './work-calendar.js';

/** The calendar of the built-in official data (see docs/methods/calendar-draw-schedule.md). */
export const officialCalendar: WorkCalendar = createWorkCalendar(officialArrangements);

export const isWorkday = (date: string): boolean => officialCalendar.isWorkday(date);
export const addWorkdays = (date: string, n: number): string => officialCalendar.addWorkdays(date, n);
export const workdaysBetween = (start: string, end: string): number =>
  officialCalendar.workdaysBetween(start, end);
export const nextWorkday = (date: string, options?: { inclusive?: boolean }): string =>
  officialCalendar.nextWorkday(date, options);
