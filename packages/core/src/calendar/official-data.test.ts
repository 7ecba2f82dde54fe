import { describe, expect, it } from 'vitest';
import { fromDayNumber, isWeekend, toDayNumber } from './date.js';
import { officialArrangements, officialCalendar } from './index.js';

// An independent re-encoding of each notice: the weekdays (Mon–Fri) that are off and the
// weekend days that are worked, listed day by day rather than as spans. The two encodings
// must agree on every day of every year.
const weekdaysOff: Record<number, string[]> = {
  2020: [
    '01-01',
    '01-24',
    '01-27',
    '01-28',
    '01-29',
    '01-30',
    '01-31',
    '04-06',
    '05-01',
    '05-04',
    '05-05',
    '06-25',
    '06-26',
    '10-01',
    '10-02',
    '10-05',
    '10-06',
    '10-07',
    '10-08',
  ],
  2021: [
    '01-01',
    '02-11',
    '02-12',
    '02-15',
    '02-16',
    '02-17',
    '04-05',
    '05-03',
    '05-04',
    '05-05',
    '06-14',
    '09-20',
    '09-21',
    '10-01',
    '10-04',
    '10-05',
    '10-06',
    '10-07',
  ],
  2022: [
    '01-03',
    '01-31',
    '02-01',
    '02-02',
    '02-03',
    '02-04',
    '04-04',
    '04-05',
    '05-02',
    '05-03',
    '05-04',
    '06-03',
    '09-12',
    '10-03',
    '10-04',
    '10-05',
    '10-06',
    '10-07',
  ],
  2023: [
    '01-02',
    '01-23',
    '01-24',
    '01-25',
    '01-26',
    '01-27',
    '04-05',
    '05-01',
    '05-02',
    '05-03',
    '06-22',
    '06-23',
    '09-29',
    '10-02',
    '10-03',
    '10-04',
    '10-05',
    '10-06',
  ],
  2024: [
    '01-01',
    '02-12',
    '02-13',
    '02-14',
    '02-15',
    '02-16',
    '04-04',
    '04-05',
    '05-01',
    '05-02',
    '05-03',
    '06-10',
    '09-16',
    '09-17',
    '10-01',
    '10-02',
    '10-03',
    '10-04',
    '10-07',
  ],
  2025: [
    '01-01',
    '01-28',
    '01-29',
    '01-30',
    '01-31',
    '02-03',
    '02-04',
    '04-04',
    '05-01',
    '05-02',
    '05-05',
    '06-02',
    '10-01',
    '10-02',
    '10-03',
    '10-06',
    '10-07',
    '10-08',
  ],
  2026: [
    '01-01',
    '01-02',
    '02-16',
    '02-17',
    '02-18',
    '02-19',
    '02-20',
    '02-23',
    '04-06',
    '05-01',
    '05-04',
    '05-05',
    '06-19',
    '09-25',
    '10-01',
    '10-02',
    '10-05',
    '10-06',
    '10-07',
  ],
};
const weekendsWorked: Record<number, string[]> = {
  2020: ['01-19', '04-26', '05-09', '06-28', '09-27', '10-10'],
  2021: ['02-07', '02-20', '04-25', '05-08', '09-18', '09-26', '10-09'],
  2022: ['01-29', '01-30', '04-02', '04-24', '05-07', '10-08', '10-09'],
  2023: ['01-28', '01-29', '04-23', '05-06', '06-25', '10-07', '10-08'],
  2024: ['02-04', '02-18', '04-07', '04-28', '05-11', '09-14', '09-29', '10-12'],
  2025: ['01-26', '02-08', '04-27', '09-28', '10-11'],
  2026: ['01-04', '02-14', '02-28', '05-09', '09-20', '10-10'],
};

// Days off as the notices count them (共N天 summed, later changes applied) and make-up
// workdays, per notice; cross-checked against published tallies of the notices.
const tally: Record<number, { daysOff: number; makeupWorkdays: number; notice: string }> = {
  2020: { daysOff: 30, makeupWorkdays: 6, notice: '国办发明电〔2019〕16号' },
  2021: { daysOff: 31, makeupWorkdays: 7, notice: '国办发明电〔2020〕27号' },
  2022: { daysOff: 31, makeupWorkdays: 7, notice: '国办发明电〔2021〕11号' },
  2023: { daysOff: 27, makeupWorkdays: 7, notice: '国办发明电〔2022〕16号' },
  2024: { daysOff: 28, makeupWorkdays: 8, notice: '国办发明电〔2023〕7号' },
  2025: { daysOff: 28, makeupWorkdays: 5, notice: '国办发明电〔2024〕12号' },
  2026: { daysOff: 33, makeupWorkdays: 6, notice: '国办发明电〔2025〕7号' },
};

describe('official holiday data 2020–2026', () => {
  it('covers exactly 2020–2026', () => {
    expect(officialCalendar.years).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
  });

  for (const a of officialArrangements) {
    it(`${a.year}: cites ${tally[a.year]?.notice} and matches its counts`, () => {
      const t = tally[a.year]!;
      expect(a.sources[0]?.number).toBe(t.notice);
      expect(a.sources[0]?.title).toBe(`国务院办公厅关于${a.year}年部分节假日安排的通知`);
      expect(a.holidays.reduce((n, h) => n + h.days, 0)).toBe(t.daysOff);
      expect(a.workdays).toHaveLength(t.makeupWorkdays);
    });

    it(`${a.year}: agrees day by day with the independent list`, () => {
      const off = new Set(weekdaysOff[a.year]!.map((d) => `${a.year}-${d}`));
      const worked = new Set(weekendsWorked[a.year]!.map((d) => `${a.year}-${d}`));
      for (const d of [...off, ...worked])
        expect(d, 'list entry is a real date').toBe(fromDayNumber(toDayNumber(d)));
      const mismatches: string[] = [];
      for (let day = toDayNumber(`${a.year}-01-01`); day <= toDayNumber(`${a.year}-12-31`); day++) {
        const date = fromDayNumber(day);
        const expected = isWeekend(day) ? worked.has(date) : !off.has(date);
        if (officialCalendar.isWorkday(date) !== expected) mismatches.push(date);
      }
      expect(mismatches).toEqual([]);
    });
  }

  it('has the 2020 Spring Festival extension: 31 Jan and 1 Feb off, back on Monday 3 Feb', () => {
    expect(officialCalendar.dayKind('2020-01-31')).toBe('holiday');
    expect(officialCalendar.dayKind('2020-02-01')).toBe('holiday');
    expect(officialCalendar.isWorkday('2020-02-03')).toBe(true);
    expect(officialCalendar.years).toContain(2020);
    expect(officialArrangements[0]?.sources[1]?.number).toBe('国办发明电〔2020〕1号');
  });

  it('gives 2025 its new days: New Year’s Eve and 2 May are off', () => {
    expect(officialCalendar.dayKind('2025-01-28')).toBe('holiday');
    expect(officialCalendar.holidayName('2025-01-28')).toBe('春节');
    expect(officialCalendar.dayKind('2025-05-02')).toBe('holiday');
  });

  it('keeps 2024 New Year’s Eve (Friday 9 Feb) a workday', () => {
    expect(officialCalendar.isWorkday('2024-02-09')).toBe(true);
  });

  it('has the 2026 Spring Festival 15–23 Feb with Saturdays 14 and 28 Feb worked', () => {
    expect(officialCalendar.workdaysIn('2026-02-14', '2026-02-28')).toEqual([
      '2026-02-14',
      '2026-02-24',
      '2026-02-25',
      '2026-02-26',
      '2026-02-27',
      '2026-02-28',
    ]);
  });

  it('takes 31 Dec 2022, the first day of the 2023 New Year holiday, as a day off', () => {
    expect(officialCalendar.dayKind('2022-12-31')).toBe('holiday');
    expect(officialCalendar.holidayName('2022-12-31')).toBe('元旦');
  });
});
