import { describe, expect, it } from 'vitest';
import { reportableMonths } from './shared';

describe('the months a report may be written for', () => {
  it('are those ended by China’s calendar: the current month is never offered', () => {
    // 23:00 on 30 November in China: November is not over yet.
    expect(reportableMonths('2026-01-01', '2027-06-30', new Date('2026-11-30T15:00:00Z'))[0]).toBe('2026-10');
    // 01:00 on 1 December in China, still 30 November in UTC: November has ended.
    expect(reportableMonths('2026-01-01', '2027-06-30', new Date('2026-11-30T17:00:00Z'))[0]).toBe('2026-11');
  });

  it('go back to the project’s start, however far, so a missed month can be filed', () => {
    const months = reportableMonths('2024-03-15', '2027-06-30', new Date('2026-12-06T04:00:00Z'));
    expect(months).toHaveLength(33);
    expect(months.at(-1)).toBe('2024-03');
    expect(months.slice(0, 2)).toEqual(['2026-11', '2026-10']);
  });

  it('end at the project’s last month when it ended before, and are none before it starts', () => {
    expect(reportableMonths('2025-01-01', '2025-03-31', new Date('2026-12-06T04:00:00Z'))).toEqual([
      '2025-03',
      '2025-02',
      '2025-01',
    ]);
    expect(reportableMonths('2026-12-01', '2027-06-30', new Date('2026-12-06T04:00:00Z'))).toEqual([]);
  });
});
