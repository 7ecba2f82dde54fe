import { describe, expect, it } from 'vitest';
import { defaultPlanPeriod } from './planPeriod';

describe('the period a new plan proposes', () => {
  it('starts on the next working day, never on a day already past, and ends with its month', () => {
    // Saturday 5 December 2026 (Friday evening in UTC): Monday the 7th to the 31st.
    expect(defaultPlanPeriod('2026-12-04T20:00:00Z')).toEqual({
      periodStart: '2026-12-07',
      periodEnd: '2026-12-31',
    });
    // A working day proposes the next one, not today.
    expect(defaultPlanPeriod('2026-12-08T02:00:00Z')).toEqual({
      periodStart: '2026-12-09',
      periodEnd: '2026-12-31',
    });
    // The last working day of a month proposes the next month.
    expect(defaultPlanPeriod('2026-11-30T02:00:00Z')).toEqual({
      periodStart: '2026-12-01',
      periodEnd: '2026-12-31',
    });
  });

  it('falls back to tomorrow when the next working day is in a year not built in', () => {
    expect(defaultPlanPeriod('2026-12-31T02:00:00Z')).toEqual({
      periodStart: '2027-01-01',
      periodEnd: '2027-01-31',
    });
  });
});
