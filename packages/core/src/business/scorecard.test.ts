import { describe, expect, it } from 'vitest';
import { departmentScorecard, departmentScorecards, prepareScorecards } from './index.js';
import { rankDepartments } from './rank.js';
import type { DepartmentScore, FirmRequest, MonthScorecard } from './schema.js';

const request = (
  id: string,
  department: string,
  receivedOn: string,
  answeredOn: string | null,
  resolved: boolean,
  rating: number | null,
): FirmRequest => ({ id, department, receivedOn, answeredOn, resolved, rating });

type Line = Omit<DepartmentScore, 'rank' | 'score'> & { score: number | null; rank: number | null };

/** Counts, ids and ranks exactly; rates and scores to 1e-12 (they are computed in floating point). */
function expectScorecard(actual: MonthScorecard, month: string, expected: Line[]): void {
  expect(actual.month).toBe(month);
  expect(actual.departments.map((d) => [d.department, d.rank])).toEqual(
    expected.map((d) => [d.department, d.rank]),
  );
  actual.departments.forEach((line, i) => {
    const want = expected[i]!;
    for (const key of Object.keys(want) as (keyof Line)[]) {
      const [got, wanted] = [line[key], want[key]];
      if (typeof wanted === 'number' && typeof got === 'number') expect(got).toBeCloseTo(wanted, 12);
      else expect(got).toBe(wanted);
    }
  });
}

const line = (
  department: string,
  [requests, onTime, resolved, rated, satisfied]: number[],
  [responseRate, resolutionRate, satisfactionRate]: (number | null)[],
  score: number | null,
  rank: number | null,
): Line => ({
  department,
  requests: requests!,
  onTime: onTime!,
  resolved: resolved!,
  rated: rated!,
  satisfied: satisfied!,
  responseRate: responseRate!,
  resolutionRate: resolutionRate!,
  satisfactionRate: satisfactionRate ?? null,
  score,
  rank,
});

/*
 * October 2025, 5 working days to answer. Around the National Day holiday (1–8 Oct off,
 * Sunday 28 Sep and Saturday 11 Oct worked) the due dates are:
 *   received Mon 22 Sep → 23, 24, 25, 26, 28 Sep → due Sun 28 Sep (September: not counted)
 *   received Thu 25 Sep → 26, 28, 29, 30 Sep, 9 Oct → due 9 Oct
 *   received Fri 26 Sep → 28, 29, 30 Sep, 9, 10 Oct → due 10 Oct
 *   received Tue 30 Sep → 9, 10, 11, 13, 14 Oct → due 14 Oct
 *   received Fri 24 Oct → 27, 28, 29, 30, 31 Oct → due 31 Oct
 *   received Mon 27 Oct → 28, 29, 30, 31 Oct, 3 Nov → due 3 Nov (November: not counted)
 */
const october2025 = {
  month: '2025-10',
  deadlineWorkdays: 5,
  weights: { response: 0.3, resolution: 0.3, satisfaction: 0.4 },
  requests: [
    request('R1', 'D1', '2025-09-26', null, false, null), // due 10 Oct, never answered
    request('R2', 'D1', '2025-09-25', '2025-10-10', true, 2), // due 9 Oct, a day late
    request('R3', 'D1', '2025-09-30', '2025-10-11', false, 5), // due 14 Oct, on time
    request('R4', 'D1', '2025-09-22', '2025-09-28', true, 1), // due 28 Sep: September
    request('R5', 'D2', '2025-10-24', '2025-10-31', true, null), // on the due day: on time
    request('R6', 'D2', '2025-09-26', null, false, null),
    request('R7', 'D3', '2025-10-24', '2025-10-28', false, 3),
    request('R8', 'D3', '2025-09-30', '2025-10-15', true, 4), // due 14 Oct, late
    request('R9', 'D4', '2025-10-24', '2025-10-27', true, 5),
    request('R10', 'D4', '2025-10-27', '2025-10-27', true, 5), // due 3 Nov: November
    request('R11', 'D5', '2025-10-27', null, false, null), // D5 has nothing due in October
  ],
};

describe('department scorecard: worked examples', () => {
  it('October 2025: a tie sharing rank 2, the next rank 4, a null satisfaction rate', () => {
    // D4: 1/1 on time, 1/1 resolved, 1/1 satisfied                → 100
    // D2: 1/2, 1/2, none rated → 100 × (0.3·½ + 0.3·½) / 0.6        → 50
    // D3: 1/2, 1/2, 1/2 (a 3 and a 4) → 100 × (0.3·½ + 0.3·½ + 0.4·½) → 50
    // D1: 1/3, 1/3, 1/2 (a 2 and a 5) → 100 × (0.1 + 0.1 + 0.2)      → 40
    expectScorecard(departmentScorecard(october2025), '2025-10', [
      line('D4', [1, 1, 1, 1, 1], [1, 1, 1], 100, 1),
      line('D2', [2, 1, 1, 0, 0], [0.5, 0.5, null], 50, 2),
      line('D3', [2, 1, 1, 2, 1], [0.5, 0.5, 0.5], 50, 2),
      line('D1', [3, 1, 1, 2, 1], [1 / 3, 1 / 3, 0.5], 40, 4),
    ]);
  });

  it('February 2026: weights that do not sum to 1, and a score that is null', () => {
    // Spring Festival 15–23 Feb off, Saturday 14 Feb worked.
    //   received Thu 12 Feb → 13, 14, 24, 25, 26 Feb → due 26 Feb
    //   received Fri 13 Feb → 14, 24, 25, 26, 27 Feb → due 27 Feb
    //   received Tue 24 Feb → 25, 26, 27, 28 (a Saturday worked) Feb, 2 Mar → due 2 Mar
    const input = {
      month: '2026-02',
      deadlineWorkdays: 5,
      weights: { response: 0, resolution: 0, satisfaction: 2 },
      requests: [
        request('A1', 'X', '2026-02-12', '2026-02-24', true, null),
        request('A2', 'Y', '2026-02-12', '2026-02-27', false, 5),
        request('A3', 'Z', '2026-02-13', '2026-02-27', false, 3),
        request('A4', 'Y', '2026-02-24', null, false, null),
      ],
    };
    // Only satisfaction weighs: Y 1/1 → 100, Z 0/1 → 0, X has no rating → Σ weight 0 → null.
    expectScorecard(departmentScorecard(input), '2026-02', [
      line('Y', [1, 0, 0, 1, 1], [0, 0, 1], 100, 1),
      line('Z', [1, 1, 0, 1, 0], [1, 0, 0], 0, 2),
      line('X', [1, 1, 1, 0, 0], [1, 1, null], null, null),
    ]);
    const march = departmentScorecard({ ...input, month: '2026-03' });
    expectScorecard(march, '2026-03', [line('Y', [1, 0, 0, 0, 0], [0, 0, null], null, null)]);
  });

  it('scores equal but for rounding share a rank; ids sort by code point', () => {
    const october = (
      id: string,
      department: string,
      answeredOn: string | null,
      resolved: boolean,
      rating: number | null,
    ) => request(id, department, '2025-10-24', answeredOn, resolved, rating); // due 31 Oct
    const input = {
      ...october2025,
      requests: [
        // b: 0/4 on time, 0/4 resolved, 3/4 satisfied → 100 × 0.4 · ¾ = 30, computed 30.000000000000004
        october('B1', 'b', null, false, 4),
        october('B2', 'b', null, false, 5),
        october('B3', 'b', null, false, 4),
        october('B4', 'b', '2025-11-03', false, 1),
        // a: 0/1 on time, 1/1 resolved, 0/1 satisfied → 100 × 0.3 = 30
        october('A1', 'a', '2025-11-03', true, 2),
        // U+FF5A and U+1D538: equal scores; by code point ｚ comes first (by UTF-16 unit it would not)
        october('Z1', '𝔸', '2025-10-30', true, null),
        october('Z2', 'ｚ', '2025-10-30', true, null),
      ],
    };
    const { departments } = departmentScorecard(input);
    expect(departments.map((d) => [d.department, d.rank])).toEqual([
      ['ｚ', 1],
      ['𝔸', 1],
      ['a', 3],
      ['b', 3],
    ]);
    expect(departments[3]!.score).not.toBe(departments[2]!.score);
    expect(departments[3]!.score! - departments[2]!.score!).toBeLessThan(1e-9);
  });

  it('the example of the specification: 12 requests scoring 77.5', () => {
    // 10 of 12 on time, 9 resolved, 8 rated of which 6 rated 4 or 5:
    // 100 × (0.3 · 10/12 + 0.3 · 9/12 + 0.4 · 6/8) = 25 + 22.5 + 30 = 77.5
    const ratings = [4, 5, 4, 5, 4, 4, 2, 3, null, null, null, null];
    const requests = ratings.map((rating, i) =>
      request(`R${i + 1}`, 'D1', '2025-10-24', i < 10 ? '2025-10-31' : '2025-11-03', i < 9, rating),
    );
    expectScorecard(departmentScorecard({ ...october2025, requests }), '2025-10', [
      line('D1', [12, 10, 9, 8, 6], [10 / 12, 0.75, 0.75], 77.5, 1),
    ]);
  });
});

describe('department scorecards of several months', () => {
  it('agree with the month-by-month scorecards and list the months requests are due in', () => {
    const { month: _, ...requests } = october2025;
    const months = ['2025-09', '2025-10', '2025-11', '2025-12'];
    const many = departmentScorecards(requests, months);
    expect(many).toEqual(months.map((month) => departmentScorecard({ ...requests, month })));
    expect(many[3]).toEqual({ month: '2025-12', departments: [] });
    expect(prepareScorecards(requests).months).toEqual(['2025-09', '2025-10', '2025-11']);
    expect(many[0]!.departments.map((d) => d.department)).toEqual(['D1']);
    expect(many[2]!.departments.map((d) => [d.department, d.requests])).toEqual([
      ['D4', 1],
      ['D5', 1],
    ]);
  });
});

describe('ranking', () => {
  const scored = (department: string, score: number | null) => ({
    ...line(department, [1, 1, 1, 0, 0], [1, 1, null], score, null),
  });

  it('compares each score with the highest of its tie group, so a group spans at most 1e-9', () => {
    const ranked = rankDepartments([scored('c', 10 - 1.2e-9), scored('a', 10), scored('b', 10 - 0.6e-9)]);
    expect(ranked.map((d) => [d.department, d.rank])).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 3],
    ]);
  });

  it('ranks 1, 2, 2, 4 and puts unscored departments last', () => {
    const ranked = rankDepartments([
      scored('n', null),
      scored('d', 20),
      scored('c', 50),
      scored('b', 50),
      scored('a', 90),
    ]);
    expect(ranked.map((d) => [d.department, d.rank])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 2],
      ['d', 4],
      ['n', null],
    ]);
  });
});
