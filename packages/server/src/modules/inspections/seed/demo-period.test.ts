import { describe, expect, it } from 'vitest';
import { demoDraftPeriod } from './demo-period.js';

describe('the period of the demo’s draft plan', () => {
  it.each([
    // Seeded on a Sunday: from the Monday to the month's end.
    ['2026-12-06', { periodStart: '2026-12-07', periodEnd: '2026-12-31' }],
    // Seeded on a working day: from the next one.
    ['2026-12-07', { periodStart: '2026-12-08', periodEnd: '2026-12-31' }],
    // Seeded before the published week is over: after it; and November nearly over, on to the
    // end of December, which the calendar holds.
    ['2026-11-10', { periodStart: '2026-11-23', periodEnd: '2026-12-31' }],
    // Few left, and the next month in a year the calendar does not hold yet: the month's end.
    ['2026-12-28', { periodStart: '2026-12-29', periodEnd: '2026-12-31' }],
    // A year the calendar does not hold yet: Monday to Friday.
    ['2027-03-05', { periodStart: '2027-03-08', periodEnd: '2027-03-31' }],
  ])('seeded on %s: %o', (today, period) => {
    expect(demoDraftPeriod(today)).toEqual(period);
  });
});
