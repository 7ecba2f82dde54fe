import { describe, expect, it } from 'vitest';
import { ahp } from './ahp.js';
import { entropyWeights } from './entropy.js';
import { ScoringInputError } from './errors.js';
import { greyRelationalAnalysis } from './gra.js';
import { runMcdm } from './mcdm.js';
import { topsis } from './topsis.js';

describe('edge cases the methods define explicitly', () => {
  it('entropy gives a constant column weight 0', () => {
    const { weights } = entropyWeights({
      matrix: [
        [1, 5],
        [2, 5],
        [4, 5],
      ],
    });
    expect(weights).toEqual([1, 0]);
  });

  it('entropy falls back to equal weights when no column discriminates (or m = 1)', () => {
    expect(
      entropyWeights({
        matrix: [
          [3, 3],
          [3, 3],
        ],
      }).weights,
    ).toEqual([0.5, 0.5]);
    expect(entropyWeights({ matrix: [[1, 2, 3]] }).weights).toEqual([1 / 3, 1 / 3, 1 / 3]);
  });

  it('entropy minmax needs types', () => {
    expect(() => entropyWeights({ matrix: [[1], [2]], options: { input: 'minmax' } })).toThrow(/needs types/);
  });

  it('topsis gives identical alternatives closeness 0.5 and a shared rank 1', () => {
    expect(
      topsis({
        matrix: [
          [2, 3],
          [2, 3],
        ],
      }),
    ).toEqual({ closeness: [0.5, 0.5], rank: [1, 1] });
  });

  it('topsis weighted distance differs from classic when weights are unequal', () => {
    const base = {
      matrix: [
        [1, 9],
        [5, 2],
        [9, 1],
      ],
      weights: [0.8, 0.2],
    };
    const classic = topsis({ ...base, options: { distance: 'classic' } }).closeness;
    const weighted = topsis({ ...base, options: { distance: 'weighted' } }).closeness;
    expect(classic[0]).not.toBeCloseTo(weighted[0]!, 6);
  });

  it('gra gives every alternative grade 1 when all rows are equal', () => {
    expect(
      greyRelationalAnalysis({
        matrix: [
          [1, 2],
          [1, 2],
        ],
      }),
    ).toEqual({ grades: [1, 1], rank: [1, 1] });
  });

  it('ahp has CI = CR = 0 for n <= 2 and accepts 0.33 for 1/3', () => {
    const two = ahp({
      matrix: [
        [1, 3],
        [1 / 3, 1],
      ],
    });
    expect(two).toMatchObject({ ci: 0, cr: 0, consistent: true });
    expect(two.priority[0]).toBeCloseTo(0.75, 12);
    expect(() =>
      ahp({
        matrix: [
          [1, 3, 1],
          [0.33, 1, 1],
          [1, 1, 1],
        ],
      }),
    ).not.toThrow();
  });

  it('ahp on a hierarchy reports each criterion matrix and global scores summing to 1', () => {
    const result = ahp({
      criteria: [
        [1, 2],
        [0.5, 1],
      ],
      alternatives: [
        [
          [1, 4],
          [0.25, 1],
        ],
        [
          [1, 0.5],
          [2, 1],
        ],
      ],
    });
    expect('scores' in result && result.alternatives).toHaveLength(2);
    if (!('scores' in result)) throw new Error('expected a hierarchy result');
    expect(result.scores.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    expect(result.scores[0]).toBeCloseTo((2 / 3) * 0.8 + (1 / 3) * (1 / 3), 12);
    expect(result.rank).toEqual([1, 2]);
  });

  it('ahp rejects matrices beyond the RI tables and hierarchies with mismatched sizes', () => {
    const big = Array.from({ length: 16 }, () => new Array<number>(16).fill(1));
    expect(() => ahp({ matrix: big })).toThrow(ScoringInputError);
    expect(() => ahp({ criteria: [[1]], alternatives: [[[1]], [[1]]] })).toThrow(/2 alternative matrices/);
  });

  it('runMcdm reports unknown shapes as ScoringInputError, not a crash', () => {
    for (const method of ['entropy', 'topsis', 'ahp', 'gra'] as const) {
      expect(() => runMcdm(method, null)).toThrow(ScoringInputError);
      expect(() => runMcdm(method, { matrix: 'x' })).toThrow(ScoringInputError);
    }
  });
});
