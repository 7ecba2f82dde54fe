import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDayNumber, isWeekend, toDayNumber } from './date.js';
import {
  addWorkdays,
  arrangementProblems,
  CalendarError,
  createWorkCalendar,
  InvalidDateError,
  isWorkday,
  nextWorkday,
  officialCalendar,
  workdaysBetween,
  YearNotCoveredError,
} from './index.js';

const first = toDayNumber('2020-01-01');
const last = toDayNumber('2026-12-31');
const coveredDate = fc.integer({ min: first, max: last }).map(fromDayNumber);

describe('working days', () => {
  it('answers plain days', () => {
    expect(isWorkday('2025-03-03')).toBe(true); // Monday
    expect(isWorkday('2025-03-01')).toBe(false); // Saturday
    expect(isWorkday('2025-10-08')).toBe(false); // National Day
    expect(isWorkday('2025-10-11')).toBe(true); // Saturday worked
  });

  it('adds working days counting from the day after', () => {
    expect(addWorkdays('2025-03-03', 0)).toBe('2025-03-03');
    expect(addWorkdays('2025-03-03', 1)).toBe('2025-03-04');
    expect(addWorkdays('2025-03-07', 1)).toBe('2025-03-10');
    expect(addWorkdays('2025-09-30', 1)).toBe('2025-10-09');
    expect(addWorkdays('2025-01-24', 1)).toBe('2025-01-26'); // Sunday worked
    // 28 Sep and 11 Oct are Sundays/Saturdays worked; 1–8 Oct are off.
    expect(addWorkdays('2025-09-26', 15)).toBe('2025-10-23');
  });

  it('counts working days in (start, end]', () => {
    expect(workdaysBetween('2025-03-01', '2025-03-31')).toBe(21);
    expect(workdaysBetween('2025-03-31', '2025-03-01')).toBe(-21);
    expect(workdaysBetween('2025-03-03', '2025-03-03')).toBe(0);
  });

  it('finds the next working day', () => {
    expect(nextWorkday('2025-09-30')).toBe('2025-10-09');
    expect(nextWorkday('2025-03-03')).toBe('2025-03-04');
    expect(nextWorkday('2025-03-03', { inclusive: true })).toBe('2025-03-03');
    expect(nextWorkday('2025-03-01', { inclusive: true })).toBe('2025-03-03');
  });

  it('refuses a year without data rather than guessing', () => {
    expect(() => isWorkday('2027-01-04')).toThrow(YearNotCoveredError);
    expect(() => isWorkday('2019-12-31')).toThrow(/no official holiday data for 2019/);
    expect(() => addWorkdays('2026-12-30', 5)).toThrow(YearNotCoveredError);
    expect(() => nextWorkday('2026-12-31')).toThrow(YearNotCoveredError);
  });

  it('refuses malformed dates and counts', () => {
    for (const bad of ['2025-02-29', '2025-13-01', '2025-3-1', '20250301', '', '2025-03-01T00:00']) {
      expect(() => isWorkday(bad)).toThrow(InvalidDateError);
    }
    expect(() => addWorkdays('2025-03-03', -1)).toThrow(RangeError);
    expect(() => addWorkdays('2025-03-03', 1.5)).toThrow(RangeError);
  });

  it('checks data added for a new year', () => {
    const base = {
      year: 2030,
      sources: [{ title: 't', number: 'n', issued: '2029-11-01', url: 'https://example.org/n' }],
    };
    expect(() =>
      createWorkCalendar([
        { ...base, holidays: [{ name: 'x', start: '2030-01-01', end: '2030-01-02', days: 3 }], workdays: [] },
      ]),
    ).toThrow(/notice says 3/);
    expect(() =>
      createWorkCalendar([{ ...base, holidays: [], workdays: [{ date: '2030-01-02', name: 'x' }] }]),
    ).toThrow(/not a weekend/);
    const cal = createWorkCalendar([
      { ...base, holidays: [], workdays: [{ date: '2030-01-05', name: 'x' }] },
    ]);
    expect(cal.isWorkday('2030-01-05')).toBe(true);
    expect(() => cal.isWorkday('2031-01-01')).toThrow(CalendarError);
  });
});

describe('arrangement problems', () => {
  it('lists every way a year does not add up, where the calendar refuses with the first', () => {
    const year = {
      year: 2030,
      sources: [{ title: 'x', number: 'x', issued: '2029-11-01', url: 'https://www.gov.cn/' }],
      holidays: [{ name: '元旦', start: '2030-01-01', end: '2030-01-03', days: 2 }],
      workdays: [
        { date: '2030-01-02', name: '元旦' },
        { date: '2030-01-05', name: '元旦' },
      ],
    };
    expect(arrangementProblems([year]).map((p) => p.fault)).toEqual([
      'span_days',
      'workday_not_weekend',
      'off_and_worked',
    ]);
    expect(() => createWorkCalendar([year])).toThrow(/the notice says 2/);
    expect(arrangementProblems([{ ...year, holidays: [], workdays: [] }])).toEqual([]);
  });
});

describe('working-day properties', () => {
  it('adding N working days then counting them back gives N', () => {
    fc.assert(
      fc.property(coveredDate, fc.integer({ min: 0, max: 120 }), (date, n) => {
        fc.pre(toDayNumber(date) + 2 * n + 30 < last); // stay inside the data
        const later = addWorkdays(date, n);
        expect(workdaysBetween(date, later)).toBe(n);
        if (n > 0) expect(isWorkday(later)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('weekends are off unless they are make-up workdays; weekdays are worked unless holidays', () => {
    fc.assert(
      fc.property(fc.integer({ min: first, max: last }), (day) => {
        const date = fromDayNumber(day);
        const kind = officialCalendar.dayKind(date);
        if (isWeekend(day)) {
          expect(['weekend', 'makeup-workday', 'holiday']).toContain(kind);
          expect(isWorkday(date)).toBe(kind === 'makeup-workday');
        } else {
          expect(['workday', 'holiday']).toContain(kind);
          expect(isWorkday(date)).toBe(kind === 'workday');
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('the next working day is one working day later', () => {
    fc.assert(
      fc.property(fc.integer({ min: first, max: last - 30 }).map(fromDayNumber), (date) => {
        expect(nextWorkday(date)).toBe(addWorkdays(date, 1));
      }),
    );
  });
});
