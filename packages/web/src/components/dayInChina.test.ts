import { describe, expect, it } from 'vitest';
import { dayInChina, momentInChina, periodInChina, yearInChina } from './dayInChina';

describe('the day of a moment in China', () => {
  it('is the day in Qianjiang, not in UTC', () => {
    // 07:30 on 5 December in Qianjiang is still 4 December in UTC.
    expect(dayInChina('2026-12-04T23:30:00.000Z')).toBe('2026-12-05');
    expect(dayInChina('2026-12-04T15:59:59.999Z')).toBe('2026-12-04');
    expect(dayInChina('2026-12-04T16:00:00.000Z')).toBe('2026-12-05');
    // An offset the server might send is read as such.
    expect(dayInChina('2026-12-05T07:30:00+08:00')).toBe('2026-12-05');
  });

  it('keeps a plain date as it is', () => {
    expect(dayInChina('2026-06-30')).toBe('2026-06-30');
  });
});

describe('a moment in China', () => {
  it('reads the clock in Qianjiang, to the minute, whatever the zone it was sent in', () => {
    expect(momentInChina('2026-12-04T23:30:59.999Z')).toBe('2026-12-05 07:30');
    expect(momentInChina('2026-12-05T07:30:00+08:00')).toBe('2026-12-05 07:30');
    expect(momentInChina('2026-12-31T16:05:00Z')).toBe('2027-01-01 00:05');
  });
});

describe('the period of a moment in China', () => {
  it('is the month or quarter of its day in Qianjiang', () => {
    // 1 March 01:00 in Qianjiang is still February in UTC (a leap year's February has 29 days).
    expect(periodInChina('2028-02-29T17:00:00Z', 'month')).toEqual({
      first: '2028-03-01',
      last: '2028-03-31',
    });
    expect(periodInChina('2027-02-10T00:00:00Z', 'month')).toEqual({
      first: '2027-02-01',
      last: '2027-02-28',
    });
    expect(periodInChina('2026-12-05T03:00:00Z', 'quarter')).toEqual({
      first: '2026-10-01',
      last: '2026-12-31',
    });
    expect(periodInChina('2026-05-31T12:00:00Z', 'quarter')).toEqual({
      first: '2026-04-01',
      last: '2026-06-30',
    });
  });
});

describe('the year in China', () => {
  it('turns at midnight in Qianjiang, eight hours before UTC', () => {
    expect(yearInChina(new Date('2026-12-31T15:59:59.999Z'))).toBe(2026);
    expect(yearInChina(new Date('2026-12-31T16:00:00.000Z'))).toBe(2027);
  });
});
