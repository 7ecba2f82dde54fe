import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDayNumber, officialCalendar, toDayNumber, YearNotCoveredError } from '../calendar/index.js';
import { compareIds } from '../draw/stream.js';
import { departmentScorecard, departmentScorecards, type MonthScorecard, SCORE_TIE } from './index.js';
import type { FirmRequest, ScorecardRequests } from './schema.js';

// Receipts from September 2025 to the end of 2026: National Day, New Year, the Spring Festival,
// and due dates running past 2026 (the calendar's last year) into no month.
const firstDay = toDayNumber('2025-09-01');
const lastDay = toDayNumber('2026-12-31');
const months = Array.from({ length: 16 }, (_, i) => {
  const m = 8 + i; // months since January 2025
  return `${2025 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
});
const departments = ['D1', 'D2', 'D3', 'D10', 'a', 'ｚ', '𝔸'];

const date = fc.integer({ min: firstDay, max: lastDay }).map(fromDayNumber);
const request = fc.record({
  department: fc.constantFrom(...departments),
  receivedOn: date,
  answerAfter: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
  resolved: fc.boolean(),
  rating: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
});
const weight = fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: 1e-6, max: 10, noNaN: true }));
const input = fc
  .record({
    deadlineWorkdays: fc.integer({ min: 0, max: 20 }),
    weights: fc.record({ response: weight, resolution: weight, satisfaction: weight }),
    requests: fc.array(request, { maxLength: 60 }),
  })
  .map(
    ({ deadlineWorkdays, weights, requests }): ScorecardRequests => ({
      deadlineWorkdays,
      weights:
        weights.response + weights.resolution + weights.satisfaction > 0
          ? weights
          : { ...weights, response: 1 },
      requests: requests.map(({ answerAfter, ...r }, i) => ({
        id: `R${i + 1}`,
        ...r,
        answeredOn: answerAfter === null ? null : fromDayNumber(toDayNumber(r.receivedOn) + answerAfter),
      })),
    }),
  );

/** The due date straight from the calendar, or null past its last year. */
function dueDate(receivedOn: string, workdays: number): string | null {
  try {
    return officialCalendar.addWorkdays(receivedOn, workdays);
  } catch (error) {
    if (error instanceof YearNotCoveredError) return null;
    throw error;
  }
}

const everyMonth = (data: ScorecardRequests): MonthScorecard[] => departmentScorecards(data, months);

describe('department scorecard properties', () => {
  it('counts agree with a request-by-request count; rates lie in 0..1, scores between their rates', () => {
    fc.assert(
      fc.property(input, (data) => {
        for (const card of everyMonth(data)) {
          const due = data.requests.filter(
            (r) => dueDate(r.receivedOn, data.deadlineWorkdays)?.slice(0, 7) === card.month,
          );
          const expected = new Set(due.map((r) => r.department));
          expect(card.departments.map((d) => d.department).sort()).toEqual([...expected].sort());
          for (const line of card.departments) {
            const mine = due.filter((r) => r.department === line.department);
            const deadline = (r: FirmRequest) => dueDate(r.receivedOn, data.deadlineWorkdays)!;
            expect(line.requests).toBe(mine.length);
            expect(line.onTime).toBe(
              mine.filter((r) => r.answeredOn !== null && r.answeredOn <= deadline(r)).length,
            );
            expect(line.resolved).toBe(mine.filter((r) => r.resolved).length);
            expect(line.rated).toBe(mine.filter((r) => r.rating !== null).length);
            expect(line.satisfied).toBe(mine.filter((r) => r.rating !== null && r.rating >= 4).length);

            const rates = [line.responseRate, line.resolutionRate, line.satisfactionRate];
            for (const rate of rates) if (rate !== null) expect(rate >= 0 && rate <= 1).toBe(true);
            expect(line.satisfactionRate === null).toBe(line.rated === 0);
            const weights = [data.weights.response, data.weights.resolution, data.weights.satisfaction];
            const counted = rates.flatMap((rate, k) =>
              rate !== null && weights[k]! > 0 ? [100 * rate] : [],
            );
            if (counted.length === 0) expect(line.score).toBeNull();
            else {
              expect(line.score).toBeGreaterThanOrEqual(Math.min(...counted) - 1e-9);
              expect(line.score).toBeLessThanOrEqual(Math.max(...counted) + 1e-9);
              expect(line.score! >= 0 && line.score! <= 100).toBe(true);
            }
          }
        }
      }),
    );
  });

  it('ranks are competition ranks of the scores, ties within 1e-9, in rank then code-point order', () => {
    fc.assert(
      fc.property(input, (data) => {
        for (const { departments: lines } of everyMonth(data)) {
          const ranked = lines.filter((l) => l.rank !== null);
          expect(lines.slice(0, ranked.length)).toEqual(ranked);
          for (const l of lines.slice(ranked.length)) expect(l.score).toBeNull();
          ranked.forEach((l, i) => {
            expect(l.score).not.toBeNull();
            const previous = ranked[i - 1];
            if (previous === undefined) expect(l.rank).toBe(1);
            else if (l.rank === previous.rank) {
              expect(compareIds(previous.department, l.department)).toBeLessThan(0);
              const leader = ranked[l.rank! - 1]!;
              expect(Math.abs(leader.score! - l.score!)).toBeLessThanOrEqual(SCORE_TIE);
            } else {
              // A new group starts at its position, more than 1e-9 below the group above.
              expect(l.rank).toBe(i + 1);
              expect(ranked[previous.rank! - 1]!.score! - l.score!).toBeGreaterThan(SCORE_TIE);
            }
          });
          for (const a of ranked)
            for (const b of ranked) if (a.score === b.score) expect(a.rank).toBe(b.rank);
          const unranked = lines.slice(ranked.length).map((l) => l.department);
          expect(unranked).toEqual([...unranked].sort(compareIds));
        }
      }),
    );
  });

  it('a request moves month only with its due date', () => {
    fc.assert(
      fc.property(input, fc.nat(), date, (data, pick, receivedOn) => {
        fc.pre(data.requests.length > 0);
        const j = pick % data.requests.length;
        const moved = (on: string): ScorecardRequests => ({
          ...data,
          requests: data.requests.map((r, i) => (i === j ? { ...r, receivedOn: on, answeredOn: null } : r)),
        });
        const before = everyMonth(moved(data.requests[j]!.receivedOn));
        const after = everyMonth(moved(receivedOn));
        const from = dueDate(data.requests[j]!.receivedOn, data.deadlineWorkdays)?.slice(0, 7);
        const to = dueDate(receivedOn, data.deadlineWorkdays)?.slice(0, 7);
        const department = data.requests[j]!.department;
        const count = (cards: MonthScorecard[], m: number) =>
          cards[m]!.departments.find((d) => d.department === department)?.requests ?? 0;
        months.forEach((month, m) => {
          if (month !== from && month !== to) expect(after[m]).toEqual(before[m]);
          else if (from !== to) expect(count(after, m) - count(before, m)).toBe(month === to ? 1 : -1);
        });
      }),
    );
  });

  it('a month’s scorecard is the same alone, among many months, and with the requests in any order', () => {
    fc.assert(
      fc.property(input, fc.constantFrom(...months), fc.nat(), (data, month, shift) => {
        const alone = departmentScorecard({ ...data, month });
        const k = shift % Math.max(1, data.requests.length);
        const rotated = {
          ...data,
          requests: [...data.requests.slice(k), ...data.requests.slice(0, k)].reverse(),
        };
        expect(departmentScorecards(rotated, [month])).toEqual([alone]);
        const total = everyMonth(data).reduce(
          (s, c) => s + c.departments.reduce((t, d) => t + d.requests, 0),
          0,
        );
        const due = data.requests.filter((r) => dueDate(r.receivedOn, data.deadlineWorkdays) !== null);
        expect(total).toBe(due.length);
      }),
    );
  });

  it('scaling every weight by the same factor leaves the scores as they were', () => {
    fc.assert(
      fc.property(input, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (data, factor) => {
        const w = data.weights;
        const scaled = {
          ...data,
          weights: {
            response: w.response * factor,
            resolution: w.resolution * factor,
            satisfaction: w.satisfaction * factor,
          },
        };
        const [a, b] = [everyMonth(data), everyMonth(scaled)];
        a.forEach((card, m) => {
          card.departments.forEach((line) => {
            const other = b[m]!.departments.find((d) => d.department === line.department)!;
            if (line.score === null) expect(other.score).toBeNull();
            else expect(other.score).toBeCloseTo(line.score, 9);
          });
        });
      }),
    );
  });
});
