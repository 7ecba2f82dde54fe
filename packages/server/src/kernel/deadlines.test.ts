import { officialArrangements } from '@qianxing/core/calendar';
import { describe, expect, it } from 'vitest';
import {
  chinaDayStart,
  dueAfter,
  dueProvisional,
  dueState,
  isLate,
  momentInChina,
  NEXT_NOTICE_REACH,
  provisionalYear,
  todayInChina,
  workdaysLeft,
} from './deadlines.js';

describe('working-day deadlines', () => {
  it('skips the National Day holiday and counts the make-up Saturday', () => {
    // 2025: 1–8 October off; Sunday 28 September and Saturday 11 October are make-up workdays.
    expect(dueAfter('2025-09-30', 1)).toBe('2025-10-09');
    expect(dueAfter('2025-10-10', 1)).toBe('2025-10-11');
  });

  it('falls back to Monday–Friday for a year the calendar does not cover', () => {
    expect(dueAfter('2099-01-02', 1)).toBe('2099-01-05');
  });

  it('counts working days left, negative once overdue', () => {
    expect(workdaysLeft('2025-09-30', '2025-10-09')).toBe(1);
    expect(workdaysLeft('2025-10-09', '2025-10-09')).toBe(0);
    expect(workdaysLeft('2025-10-10', '2025-10-09')).toBe(-1);
  });

  it('counts the days left Monday to Friday, as the due date was, through a year the calendar does not cover', () => {
    // Friday 25 December 2026, six weekdays before Monday 4 January 2027 (1 January a Friday).
    expect(dueAfter('2026-12-25', 6)).toBe('2027-01-04');
    expect(workdaysLeft('2026-12-25', '2027-01-04')).toBe(6);
    expect(workdaysLeft('2027-01-04', '2026-12-25')).toBe(-6);
    // A due date n working days ahead has n days left, on any weekday and over any weekend.
    for (const from of ['2098-12-24', '2098-12-26', '2098-12-27', '2098-12-31'])
      for (let n = 0; n <= 12; n++) {
        expect(workdaysLeft(from, dueAfter(from, n))).toBe(n);
        if (n > 0) expect(workdaysLeft(dueAfter(from, n), from)).toBe(-n);
      }
  });

  it('says whether a due date is overdue, due soon or on time', () => {
    expect(dueState('2025-10-09', '2025-10-10', 3)).toBe('overdue');
    expect(dueState('2025-10-09', '2025-09-30', 1)).toBe('due_soon');
    expect(dueState('2025-10-20', '2025-09-30', 1)).toBe('on_time');
  });

  it('counts the whole due day, in China Standard Time', () => {
    // 23:30 on the due day in Beijing is 15:30 UTC: still in time.
    expect(isLate('2025-10-09', new Date('2025-10-09T15:30:00Z'))).toBe(false);
    expect(isLate('2025-10-09', new Date('2025-10-09T16:30:00Z'))).toBe(true);
    expect(todayInChina(new Date('2025-10-09T16:30:00Z'))).toBe('2025-10-10');
  });

  it('reads a moment on the clock in China, to the second', () => {
    expect(momentInChina(new Date('2026-11-27T15:24:51.348Z'))).toBe('2026-11-27 23:24:51');
    expect(momentInChina(new Date('2026-12-31T16:05:00Z'))).toBe('2027-01-01 00:05:00');
  });

  it('begins a day at midnight in China, 16:00 UTC the day before', () => {
    expect(chinaDayStart('2026-12-06').toISOString()).toBe('2026-12-05T16:00:00.000Z');
    expect(todayInChina(chinaDayStart('2027-01-01'))).toBe('2027-01-01');
  });

  it('calls a due date provisional when its count runs through a year the calendar does not cover', () => {
    expect(dueProvisional('2026-12-28', '2027-01-05', [2025, 2026])).toBe(true);
    expect(dueProvisional('2026-12-28', '2027-01-05', [2026, 2027])).toBe(false);
    expect(dueProvisional('2026-12-01', '2026-12-08', [2026])).toBe(false);
    // A date before the count's start (overdue) runs through no year ahead.
    expect(dueProvisional('2027-01-06', '2026-12-30', [2026])).toBe(false);
  });

  it('calls a date in the last days of December provisional while the next year is not covered', () => {
    // The next year's notice may give them off or work one, as the 2019 notice did 29–31 December 2018.
    expect(dueProvisional('2026-12-01', '2026-12-29', [2026])).toBe(true);
    expect(dueProvisional('2026-12-30', '2026-12-31', [2026])).toBe(true);
    expect(dueProvisional('2026-12-01', '2026-12-28', [2026])).toBe(false);
    expect(dueProvisional('2026-12-01', '2026-12-31', [2026, 2027])).toBe(false);
    // The year each waits for: the first not covered, else the next one for the last days of December.
    expect(provisionalYear('2026-12-28', '2027-01-05', [2025, 2026])).toBe(2027);
    expect(provisionalYear('2025-12-01', '2027-01-05', [2027])).toBe(2025);
    expect(provisionalYear('2026-12-01', '2026-12-30', [2026])).toBe(2027);
    expect(provisionalYear('2026-12-01', '2026-12-30', [2025])).toBe(2026);
    expect(provisionalYear('2026-12-01', '2026-12-28', [2026])).toBeNull();
  });

  it('reaches back at least as far as any built-in notice reaches into its previous year', () => {
    for (const a of officialArrangements)
      for (const day of [...a.holidays.map((h) => h.start), ...a.workdays.map((w) => w.date)])
        if (day < `${a.year}-01-01`) expect(day.slice(5) >= NEXT_NOTICE_REACH, day).toBe(true);
  });
});
