import { describe, expect, it } from 'vitest';
import { aggregateReviews, rankReviews, trimmedMean, weightedTotal, zScores } from './review.js';
import { assignReviewers } from './review-assign.js';
import { icc21, krippendorffAlphaInterval } from './review-reliability.js';

describe('review aggregation', () => {
  it('weights the rubric', () => {
    const rubric = [
      { code: 'a', weight: 0.3 },
      { code: 'b', weight: 0.7 },
    ];
    expect(weightedTotal({ a: 10, b: 5 }, rubric)).toBeCloseTo(6.5);
    expect(() => weightedTotal({ a: 10 }, rubric)).toThrow();
  });

  it('removes each expert’s leniency with z-scores', () => {
    // A lenient and a strict expert ranking the same three items the same way.
    const scores = ['x', 'y', 'z'].flatMap((item, i) => [
      { item, expert: 'lenient', score: 8 + i },
      { item, expert: 'strict', score: 2 + i },
    ]);
    const z = zScores(scores);
    expect(z.filter((r) => r.item === 'z').map((r) => r.z)).toEqual([z[4]!.z, z[4]!.z]);
    const agg = aggregateReviews(scores);
    expect(agg.map((a) => a.item)).toEqual(['z', 'y', 'x']);
    expect(agg.every((a) => a.zSpread === 0)).toBe(true);
    // Raw totals differ by 6 between the two experts: the raw range flags it.
    expect(agg[0]!.disputed).toBe(true);
    expect(aggregateReviews(scores, { maxRange: 10 })[0]!.disputed).toBe(false);
  });

  it('drops one highest and one lowest score for the trimmed mean (去掉一个最高分和一个最低分)', () => {
    expect(trimmedMean([2, 7, 8, 9, 10])).toBe(8);
    expect(trimmedMean([9, 3, 6])).toBe(6);
    // Nothing to drop with fewer than three.
    expect(trimmedMean([4, 8])).toBe(6);
    // One very harsh score sinks the plain mean of b below a's, not its trimmed mean.
    const scores = [
      ...[7, 7, 7].map((score, i) => ({ item: 'a', expert: `e${i}`, score })),
      ...[9, 9, 1].map((score, i) => ({ item: 'b', expert: `e${i}`, score })),
    ];
    const agg = aggregateReviews(scores);
    expect(agg.find((a) => a.item === 'b')!.trimmed).toBe(9);
    expect(rankReviews(agg, 'trimmed').map((a) => a.item)).toEqual(['b', 'a']);
    expect(agg.find((a) => a.item === 'a')!.mean).toBeGreaterThan(agg.find((a) => a.item === 'b')!.mean);
  });

  it('gives z = 0 for an expert with one review', () => {
    expect(zScores([{ item: 'a', expert: 'e', score: 7 }])[0]!.z).toBe(0);
  });
});

describe('reliability', () => {
  it('matches Shrout & Fleiss (1979) Table 2: ICC(2,1) = 0.29', () => {
    const data = [
      [9, 2, 5, 8],
      [6, 1, 3, 2],
      [8, 4, 6, 8],
      [7, 1, 2, 6],
      [10, 5, 6, 9],
      [6, 2, 4, 7],
    ];
    expect(icc21(data)).toBeCloseTo(0.29, 2);
  });

  it('is 1 for perfect agreement and NaN without variance', () => {
    expect(
      icc21([
        [1, 1],
        [5, 5],
        [9, 9],
      ]),
    ).toBeCloseTo(1);
    expect(
      icc21([
        [3, 3],
        [3, 3],
      ]),
    ).toBeNaN();
    expect(
      krippendorffAlphaInterval([
        [1, 1],
        [5, 5, 5],
        [9, 9],
      ]),
    ).toBeCloseTo(1);
    expect(krippendorffAlphaInterval([[4]])).toBeNaN();
  });

  it('computes interval alpha for incomplete data (Krippendorff 2011, interval example ≈ 0.849)', () => {
    // The reliability data of Krippendorff (2011, "Computing Krippendorff's alpha-reliability"), values 1–5, units with <2 values dropped.
    const units = [
      [1, 1, 1],
      [2, 2, 3, 2],
      [3, 3, 3, 3],
      [3, 3, 3, 3],
      [2, 2, 2, 2],
      [1, 2, 3, 4],
      [4, 4, 4, 4],
      [1, 1, 2, 1],
      [2, 2, 2, 2],
      [5, 5, 5],
      [1, 1],
      [3],
    ];
    expect(krippendorffAlphaInterval(units)).toBeCloseTo(0.849, 2);
  });
});

describe('assignment', () => {
  it('balances load and respects conflicts', () => {
    const items = Array.from({ length: 6 }, (_, i) => ({
      id: `s${i}`,
      excluded: new Set(i === 0 ? ['a'] : []),
      need: 2,
    }));
    const { assignments, short } = assignReviewers(items, [
      { id: 'a', load: 0 },
      { id: 'b', load: 0 },
      { id: 'c', load: 0 },
    ]);
    expect(short).toEqual([]);
    expect(assignments.filter((x) => x.item === 's0').map((x) => x.expert)).not.toContain('a');
    const loads = ['a', 'b', 'c'].map((e) => assignments.filter((x) => x.expert === e).length);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    const tight = assignReviewers(
      [{ id: 'x', excluded: new Set(['a']), need: 3 }],
      [
        { id: 'a', load: 0 },
        { id: 'b', load: 0 },
      ],
    );
    expect(tight.short).toEqual([{ item: 'x', missing: 2 }]);
  });
});
