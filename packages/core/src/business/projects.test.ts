import { describe, expect, it } from 'vitest';
import {
  checkStageDate,
  currentStage,
  investmentDashboard,
  landingCycleDays,
  landingTrend,
  median,
  percentChange,
  stalledDays,
  yiYuan,
} from './index.js';

describe('investment project stages', () => {
  const dates = { signed: '2025-01-10', registered: '2025-02-01', started: '2025-05-01' };

  it('is at its furthest stage', () => {
    expect(currentStage(dates)).toBe('started');
    expect(currentStage({ signed: '2025-01-10' })).toBe('signed');
  });

  it('takes a stage only after the one before it, in date order', () => {
    expect(checkStageDate(dates, 'producing', '2025-05-01')).toBeNull();
    expect(checkStageDate(dates, 'producing', '2025-04-30')).toEqual({
      code: 'before_previous_stage',
      previous: 'started',
      previousOn: '2025-05-01',
    });
    expect(checkStageDate(dates, 'effective', '2026-01-01')).toEqual({
      code: 'previous_stage_missing',
      previous: 'producing',
    });
    // A correction of an earlier stage keeps the order with the stages after it.
    expect(checkStageDate(dates, 'registered', '2025-06-01')).toEqual({
      code: 'after_next_stage',
      next: 'started',
      nextOn: '2025-05-01',
    });
    expect(checkStageDate(dates, 'registered', '2025-01-09')?.code).toBe('before_previous_stage');
  });

  it('counts the landing cycle in calendar days from signing to production', () => {
    expect(landingCycleDays(dates)).toBeNull();
    // 2024 is a leap year: 29 February counts.
    expect(landingCycleDays({ signed: '2024-02-01', producing: '2024-03-01' })).toBe(29);
  });

  it('flags a project waiting longer than allowed for its next stage', () => {
    expect(stalledDays({ signed: '2025-01-01' }, '2025-04-01')).toBeNull(); // 90 days: not yet
    expect(stalledDays({ signed: '2025-01-01' }, '2025-04-02')).toEqual({
      waitingFor: 'registered',
      days: 91,
    });
    expect(stalledDays(dates, '2025-10-28')).toBeNull();
    expect(
      stalledDays(dates, '2025-10-28', { registered: 90, started: 90, producing: 100, effective: 1 }),
    ).toEqual({ waitingFor: 'producing', days: 180 });
    expect(
      stalledDays({ ...dates, producing: '2025-06-01', effective: '2025-07-01' }, '2030-01-01'),
    ).toBeNull();
  });
});

describe('landing-cycle trend', () => {
  const p = (signed: string, producing?: string) => ({ signed, ...(producing ? { producing } : {}) });

  it('takes the median per year of reaching production, against the baseline year', () => {
    const trend = landingTrend(
      [
        p('2024-01-01', '2025-01-01'), // 366
        p('2024-06-01', '2025-06-01'), // 365
        p('2024-09-01', '2025-03-01'), // 181
        p('2025-06-01', '2026-01-01'), // 214
        p('2025-08-01', '2026-02-01'), // 184
        p('2026-01-01'),
      ],
      'year',
      2025,
    );
    expect(trend.baselineDays).toBe(365);
    expect(trend.periods).toEqual([
      { period: '2025', projects: 3, medianDays: 365, change: 0 },
      { period: '2026', projects: 2, medianDays: 199, change: ((199 - 365) / 365) * 100 },
    ]);
  });

  it('groups by quarter too, and has no change without a baseline', () => {
    const trend = landingTrend([p('2025-01-01', '2025-05-01')], 'quarter', 2020);
    expect(trend.periods).toEqual([{ period: '2025-Q2', projects: 1, medianDays: 120, change: null }]);
  });

  it('medians', () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(percentChange(5, 0)).toBeNull();
  });
});

describe('investment dashboard', () => {
  const facts = {
    signings: [
      { signedOn: '2026-01-05', amount: 60000 },
      { signedOn: '2026-02-20', amount: 55500 },
      { signedOn: '2026-03-01', amount: 1 },
      { signedOn: '2025-02-01', amount: 90802 },
    ],
    funds: [
      { on: '2026-01-31', amount: 117000 },
      { on: '2025-02-10', amount: 70313 },
    ],
    entities: [
      { month: '2026-01', count: 400 },
      { month: '2026-03', count: 840 },
      { month: '2025-02', count: 1075 },
    ],
  };

  it('sums the year to date and compares it with the same months of the year before', () => {
    const d = investmentDashboard(facts, 2026, 2);
    expect(d.ytd.signedCount).toEqual({ value: 2, lastYear: 1, yoy: 100 });
    expect(d.ytd.signedAmount.value).toBe(115500);
    expect(d.ytd.signedAmount.yoy!.toFixed(1)).toBe('27.2');
    expect(yiYuan(d.ytd.signedAmount.value)).toBe('11.55');
    expect(d.ytd.funds.yoy!.toFixed(1)).toBe('66.4');
    expect(d.months[2]).toEqual({ signedCount: 1, signedAmount: 1, funds: 0, entities: 840 });
    expect(d.months[1]!.entities).toBeNull();
    expect(d.lastYearMonths[1]!.entities).toBe(1075);
    expect(investmentDashboard(facts, 2026, 3).ytd.entities).toMatchObject({ value: 1240, lastYear: 1075 });
  });

  it('has no change against a year with nothing', () => {
    expect(investmentDashboard(facts, 2025, 12).ytd.funds).toEqual({ value: 70313, lastYear: 0, yoy: null });
  });

  it('takes months 1 to 12 only', () => {
    expect(() => investmentDashboard(facts, 2026, 0)).toThrow(RangeError);
    expect(() => investmentDashboard(facts, 2026, 13)).toThrow(RangeError);
  });
});
