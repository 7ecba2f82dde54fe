import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDayNumber, toDayNumber } from '../calendar/index.js';
import {
  checkStageDate,
  investmentDashboard,
  landingCycleDays,
  projectStages,
  type StageDates,
  stalledDays,
} from './index.js';

const day0 = toDayNumber('2024-01-01');
/** A project's stage dates: signed, then each later stage some days after the one before. */
const project = fc
  .record({
    start: fc.integer({ min: 0, max: 900 }),
    gaps: fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 4 }),
  })
  .map(({ start, gaps }) => {
    const dates: StageDates = { signed: fromDayNumber(day0 + start) };
    let at = day0 + start;
    gaps.forEach((gap, i) => {
      at += gap;
      dates[projectStages[i + 1]!] = fromDayNumber(at);
    });
    return dates;
  });

describe('investment project properties', () => {
  it('accepts every stage date of an ordered project, and refuses one moved before its predecessor', () => {
    fc.assert(
      fc.property(project, (dates) => {
        for (const stage of projectStages.slice(1)) {
          const on = dates[stage];
          if (!on) continue;
          expect(checkStageDate(dates, stage, on)).toBeNull();
          const previous = projectStages[projectStages.indexOf(stage) - 1]!;
          const early = fromDayNumber(toDayNumber(dates[previous]!) - 1);
          expect(checkStageDate(dates, stage, early)?.code).toBe('before_previous_stage');
        }
      }),
    );
  });

  it('has a landing cycle that is never negative, and only once in production', () => {
    fc.assert(
      fc.property(project, (dates) => {
        const cycle = landingCycleDays(dates);
        expect(cycle === null).toBe(!dates.producing);
        if (cycle !== null) expect(cycle).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('flags a stall only after the limit, and the days counted grow with today', () => {
    fc.assert(
      fc.property(project, fc.integer({ min: 0, max: 2000 }), (dates, later) => {
        const today = fromDayNumber(day0 + 3000 + later);
        const flag = stalledDays(dates, today);
        if (dates.effective) expect(flag).toBeNull();
        else {
          expect(flag).not.toBeNull();
          expect(stalledDays(dates, fromDayNumber(day0 + 3001 + later))!.days).toBe(flag!.days + 1);
        }
      }),
    );
  });

  it('adds up to the same total per year as the facts it is given', () => {
    const date = fc.integer({ min: 0, max: 729 }).map((d) => fromDayNumber(day0 + 366 + d)); // 2025 and 2026;
    fc.assert(
      fc.property(
        fc.array(fc.record({ signedOn: date, amount: fc.integer({ min: 1, max: 500000 }) })),
        fc.array(fc.record({ on: date, amount: fc.integer({ min: 1, max: 500000 }) })),
        (signings, funds) => {
          const d = investmentDashboard({ signings, funds, entities: [] }, 2026, 12);
          const inYear = (s: string, y: number) => s.startsWith(`${y}-`);
          expect(d.ytd.signedAmount.value).toBe(
            signings.filter((s) => inYear(s.signedOn, 2026)).reduce((n, s) => n + s.amount, 0),
          );
          expect(d.ytd.funds.lastYear).toBe(
            funds.filter((f) => inYear(f.on, 2025)).reduce((n, f) => n + f.amount, 0),
          );
          expect(d.ytd.signedCount.value + d.ytd.signedCount.lastYear).toBe(signings.length);
        },
      ),
    );
  });
});
