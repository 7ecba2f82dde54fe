import { describe, expect, it } from 'vitest';
import { dayInChina, momentInChina } from './dayInChina';

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
