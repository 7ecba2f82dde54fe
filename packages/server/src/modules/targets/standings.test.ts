import { describe, expect, it } from 'vitest';
import type { Unit } from '../units/api.js';
import { scorecardResult } from './queries/scorecard-result.js';
import type { QuarterData } from './queries/scoring-input.js';
import { unreportedUnits } from './queries/scoring-input.js';
import { rankCategory } from './queries/standings.js';

const uid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const unit = (n: number, name: string): Unit => ({
  id: uid(n),
  code: `QJ-D${String(n).padStart(2, '0')}`,
  name,
  kind: 'department',
  parentId: null,
  path: `/${n}/`,
  sort: n,
  isDemo: false,
});
const units = new Map(
  [unit(1, '区商务委'), unit(2, '区发展改革委'), unit(3, '区城市管理局'), unit(4, '区财政局')].map((u) => [
    u.id,
    u,
  ]),
);

/**
 * A quarter in which each listed unit planned two indicators (base 0, target 10) and reported
 * the given values; `unreported` units planned too but have no counted report.
 */
function quarter(
  reported: Array<{ n: number; values: [number, number]; submittedAt: string }>,
  unreported: Array<[number, 'not_submitted' | 'returned']> = [],
): QuarterData {
  return {
    input: {
      indicators: [
        { id: 'gdp', direction: 'higher' },
        { id: 'jobs', direction: 'higher' },
      ],
      units: reported.map((r) => ({ id: uid(r.n), category: 'department' })),
      plans: reported.flatMap((r) =>
        ['gdp', 'jobs'].map((indicatorId) => ({ unitId: uid(r.n), indicatorId, base: 0, target: 10 })),
      ),
      quarters: [
        {
          quarter: '2026Q3',
          actuals: reported.flatMap((r) => [
            { unitId: uid(r.n), indicatorId: 'gdp', value: r.values[0] },
            { unitId: uid(r.n), indicatorId: 'jobs', value: r.values[1] },
          ]),
        },
      ],
    },
    late: new Set(),
    submittedAt: new Map(reported.map((r) => [uid(r.n), r.submittedAt])),
    unreported: new Map(unreported.map(([n, s]) => [uid(n), s])),
  };
}
const empty = quarter([]);
const departments = (q: QuarterData, before = empty) =>
  scorecardResult(q, before, units).categories.find((c) => c.category === 'department')!;

describe('the tie rule of the quarterly ranking', () => {
  it('orders equal scores by targets reached, then earlier submission, then name', () => {
    const ranked = rankCategory([
      {
        unitId: 'a',
        unitCode: 'A',
        unitName: '区商务委',
        score: 100,
        reachedTarget: 1,
        submittedAt: '2026-10-01',
      },
      {
        unitId: 'b',
        unitCode: 'B',
        unitName: '区财政局',
        score: 100,
        reachedTarget: 2,
        submittedAt: '2026-10-09',
      },
      {
        unitId: 'c',
        unitCode: 'C',
        unitName: '区城市管理局',
        score: 100,
        reachedTarget: 1,
        submittedAt: null,
      },
      {
        unitId: 'd',
        unitCode: 'D',
        unitName: '区发展改革委',
        score: 100,
        reachedTarget: 1,
        submittedAt: '2026-10-01',
      },
      {
        unitId: 'e',
        unitCode: 'E',
        unitName: '区医保局',
        score: 99.99,
        reachedTarget: 2,
        submittedAt: '2026-09-30',
      },
    ]);
    // 发 (fā) sorts before 商 (shāng) in the Chinese collation.
    expect(ranked.map((u) => [u.unitId, u.rank])).toEqual([
      ['b', 1],
      ['d', 2],
      ['a', 3],
      ['c', 4],
      ['e', 5],
    ]);
  });

  it('gives units tied at 100.00 distinct places: more indicators on target first', () => {
    // Both score 100 (completion is capped at 1.2 per item and the score at 100), but 区商务委
    // reached only one target: 15/10 caps at 1.2, 9/10 is 0.9, the mean 1.05 → 100.
    const q = quarter([
      { n: 1, values: [15, 9], submittedAt: '2026-10-02T00:00:00.000Z' },
      { n: 2, values: [10, 10], submittedAt: '2026-10-05T00:00:00.000Z' },
      { n: 3, values: [5, 5], submittedAt: '2026-10-01T00:00:00.000Z' },
    ]);
    const { units: rows } = departments(q);
    expect(rows.map((u) => [u.unitName, u.score, u.rank, u.reachedTarget])).toEqual([
      ['区发展改革委', 100, 1, 2],
      ['区商务委', 100, 2, 1],
      ['区城市管理局', 50, 3, 0],
    ]);
  });
});

describe('new entrants', () => {
  it('marks a unit not ranked last quarter as new, and a unit in the same place as unchanged', () => {
    const before = quarter([{ n: 1, values: [10, 10], submittedAt: '2026-07-01T00:00:00.000Z' }]);
    const now = quarter([
      { n: 1, values: [10, 10], submittedAt: '2026-10-01T00:00:00.000Z' },
      { n: 2, values: [5, 5], submittedAt: '2026-10-01T00:00:00.000Z' },
    ]);
    const rows = departments(now, before).units;
    expect(rows.map((u) => [u.unitName, u.rankDelta, u.newEntrant])).toEqual([
      ['区商务委', 0, false],
      ['区发展改革委', null, true],
    ]);
  });

  it('counts a unit whose report was returned last quarter as new, not as risen from last place', () => {
    const before = quarter(
      [{ n: 1, values: [10, 10], submittedAt: '2026-07-01T00:00:00.000Z' }],
      [[2, 'returned']],
    );
    const now = quarter([
      { n: 1, values: [5, 5], submittedAt: '2026-10-01T00:00:00.000Z' },
      { n: 2, values: [10, 10], submittedAt: '2026-10-01T00:00:00.000Z' },
    ]);
    const mine = departments(now, before).units.find((u) => u.unitId === uid(2))!;
    expect(mine).toMatchObject({ rank: 1, newEntrant: true, rankDelta: null, progressed: false });
  });
});

describe('units without a counted report', () => {
  it('tells a returned report from one never submitted (a draft counts as not submitted)', () => {
    const status = unreportedUnits(
      [uid(1), uid(2), uid(3), uid(4)],
      [
        { unitId: uid(1), status: 'approved' },
        { unitId: uid(2), status: 'returned' },
        { unitId: uid(3), status: 'draft' },
      ],
    );
    expect([...status]).toEqual([
      [uid(2), 'returned'],
      [uid(3), 'not_submitted'],
      [uid(4), 'not_submitted'],
    ]);
  });

  it('lists them apart with their status instead of scoring them 0 and ranking them last', () => {
    const q = quarter(
      [{ n: 1, values: [10, 10], submittedAt: '2026-10-01T00:00:00.000Z' }],
      [
        [4, 'returned'],
        [2, 'not_submitted'],
      ],
    );
    const category = departments(q);
    expect(category.units.map((u) => [u.unitName, u.rank, u.categorySize, u.tier])).toEqual([
      ['区商务委', 1, 1, 'standard'],
    ]);
    expect(category.unreported).toEqual([
      { unitId: uid(2), unitCode: 'QJ-D02', unitName: '区发展改革委', status: 'not_submitted' },
      { unitId: uid(4), unitCode: 'QJ-D04', unitName: '区财政局', status: 'returned' },
    ]);
  });
});

describe('tiers and progress on the published scores', () => {
  it('does not put a unit shown at 60.00 under the floor of 60', () => {
    // 5.9996 of 10 on both items: 59.996, published as 60.00.
    const q = quarter([
      { n: 1, values: [10, 10], submittedAt: '2026-10-01T00:00:00.000Z' },
      { n: 2, values: [5.9996, 5.9996], submittedAt: '2026-10-01T00:00:00.000Z' },
      { n: 3, values: [8, 8], submittedAt: '2026-10-01T00:00:00.000Z' },
    ]);
    const shown = departments(q).units.find((u) => u.unitId === uid(2))!;
    expect([shown.score, shown.tier]).toEqual([60, 'standard']);
  });

  it('counts a rise shown as 5.00 points as progress', () => {
    const before = quarter([{ n: 1, values: [5, 5], submittedAt: '2026-07-01T00:00:00.000Z' }]);
    // 5.4996 of 10: 54.996, published as 55.00, five points above 50.00.
    const now = quarter([{ n: 1, values: [5.4996, 5.4996], submittedAt: '2026-10-01T00:00:00.000Z' }]);
    const [mine] = departments(now, before).units;
    expect([mine!.score, mine!.scoreDelta, mine!.progressed]).toEqual([55, 5, true]);
  });
});
