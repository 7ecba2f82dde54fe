import { type YearArrangement, yearArrangementSchema } from './arrangement.js';
import { fromDayNumber, isWeekend, toDayNumber, yearOf } from './date.js';
import { CalendarError, YearNotCoveredError } from './errors.js';

/** How the official calendar classes a day. */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup-workday';

export interface WorkCalendar {
  /** The years with data, ascending. */
  readonly years: readonly number[];
  dayKind(date: string): DayKind;
  /** The holiday a day off or make-up workday belongs to (e.g. 春节), if any. */
  holidayName(date: string): string | undefined;
  isWorkday(date: string): boolean;
  /** The date `n` (≥ 0) working days after `date`, counting from the day after. */
  addWorkdays(date: string, n: number): string;
  /** Working days in (start, end]; negative when end is before start. */
  workdaysBetween(start: string, end: string): number;
  /** The first working day after `date` (or on it, with `inclusive`). */
  nextWorkday(date: string, options?: { inclusive?: boolean }): string;
  /** The working days in [start, end], in order. */
  workdaysIn(start: string, end: string): string[];
}

interface Special {
  off: boolean;
  name: string;
}

/** The days the arrangements make special, and every way in which they do not add up. */
function readArrangements(arrangements: readonly YearArrangement[]) {
  const special = new Map<number, Special>();
  const covered = new Set<number>();
  const problems: CalendarError[] = [];
  for (const raw of arrangements) {
    const a = yearArrangementSchema.parse(raw);
    if (covered.has(a.year)) {
      problems.push(new CalendarError(`year ${a.year} is given twice`, 'year_twice', { year: a.year }));
      continue;
    }
    covered.add(a.year);
    for (const span of a.holidays) {
      const first = toDayNumber(span.start);
      const last = toDayNumber(span.end);
      if (last - first + 1 !== span.days) {
        problems.push(
          new CalendarError(
            `${a.year} ${span.name}: ${span.start}–${span.end} is ${last - first + 1} days, the notice says ${span.days}`,
            'span_days',
            {
              name: span.name,
              start: span.start,
              end: span.end,
              counted: last - first + 1,
              stated: span.days,
            },
          ),
        );
      }
      for (let d = first; d <= last; d++) setSpecial(special, d, { off: true, name: span.name }, problems);
    }
    for (const w of a.workdays) {
      const d = toDayNumber(w.date);
      if (!isWeekend(d))
        problems.push(
          new CalendarError(`${w.date} is a make-up workday but not a weekend day`, 'workday_not_weekend', {
            date: w.date,
          }),
        );
      setSpecial(special, d, { off: false, name: w.name }, problems);
    }
  }
  return { special, covered, problems };
}

/**
 * Every way in which the arrangements do not add up (each span's stated count, make-up workdays
 * on weekends only, no day both off and worked, each year once), in the order of the data:
 * empty when they do. A page shows them all; `createWorkCalendar` refuses with the first.
 */
export const arrangementProblems = (arrangements: readonly YearArrangement[]): CalendarError[] =>
  readArrangements(arrangements).problems;

/**
 * A calendar over the given years' arrangements. The data is checked first: each span's
 * stated count of days, make-up workdays on weekends only, no day both off and worked.
 */
export function createWorkCalendar(arrangements: readonly YearArrangement[]): WorkCalendar {
  const { special, covered, problems } = readArrangements(arrangements);
  if (problems[0]) throw problems[0];
  const years = [...covered].sort((x, y) => x - y);

  const check = (day: number): void => {
    const y = yearOf(day);
    if (!covered.has(y)) throw new YearNotCoveredError(y, years);
  };
  const kindOf = (day: number): DayKind => {
    check(day);
    const s = special.get(day);
    if (s) return s.off ? 'holiday' : 'makeup-workday';
    return isWeekend(day) ? 'weekend' : 'workday';
  };
  const worked = (day: number): boolean => {
    const k = kindOf(day);
    return k === 'workday' || k === 'makeup-workday';
  };
  const countIn = (after: number, upTo: number): number => {
    let n = 0;
    for (let d = after + 1; d <= upTo; d++) if (worked(d)) n++;
    return n;
  };

  return {
    years,
    dayKind: (date) => kindOf(toDayNumber(date)),
    holidayName: (date) => {
      const day = toDayNumber(date);
      check(day);
      return special.get(day)?.name;
    },
    isWorkday: (date) => worked(toDayNumber(date)),
    addWorkdays(date, n) {
      if (!Number.isSafeInteger(n) || n < 0)
        throw new RangeError(`working days to add must be an integer ≥ 0: ${n}`);
      let day = toDayNumber(date);
      check(day);
      for (let left = n; left > 0; ) {
        day++;
        if (worked(day)) left--;
      }
      return fromDayNumber(day);
    },
    workdaysBetween(start, end) {
      const s = toDayNumber(start);
      const e = toDayNumber(end);
      check(s);
      check(e);
      return e >= s ? countIn(s, e) : -countIn(e, s);
    },
    nextWorkday(date, options = {}) {
      let day = toDayNumber(date);
      check(day);
      if (!options.inclusive) day++;
      while (!worked(day)) day++;
      return fromDayNumber(day);
    },
    workdaysIn(start, end) {
      const s = toDayNumber(start);
      const e = toDayNumber(end);
      const out: string[] = [];
      for (let d = s; d <= e; d++) if (worked(d)) out.push(fromDayNumber(d));
      return out;
    },
  };
}

function setSpecial(map: Map<number, Special>, day: number, value: Special, problems: CalendarError[]): void {
  const existing = map.get(day);
  if (existing && existing.off !== value.off) {
    problems.push(
      new CalendarError(`${fromDayNumber(day)} is both a day off and a make-up workday`, 'off_and_worked', {
        date: fromDayNumber(day),
      }),
    );
    return;
  }
  map.set(day, value);
}
