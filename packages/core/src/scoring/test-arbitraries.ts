import fc from 'fast-check';
import { expect } from 'vitest';

/** Values on a coarse grid as well as free doubles, so that ties and constant columns occur. */
const cell = fc.oneof(
  fc.integer({ min: 0, max: 4 }),
  fc.double({ min: 0, max: 1000, noNaN: true, noDefaultInfinity: true }),
);

export interface MatrixCase {
  matrix: number[][];
  types: Array<1 | -1>;
  weights: number[];
}

export const matrixCase: fc.Arbitrary<MatrixCase> = fc
  .record({ m: fc.integer({ min: 1, max: 7 }), n: fc.integer({ min: 1, max: 5 }) })
  .chain(({ m, n }) =>
    fc.record({
      matrix: fc.array(fc.array(cell, { minLength: n, maxLength: n }), { minLength: m, maxLength: m }),
      types: fc.array(fc.constantFrom<1 | -1>(1, -1), { minLength: n, maxLength: n }),
      // A weight is 0 or a real magnitude: a subnormal weight (say 2.5e-323) scaled by 1e-3
      // underflows to 0 and makes a genuinely different input, not a test of scale invariance.
      weights: fc
        .array(fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 10, noNaN: true })), {
          minLength: n,
          maxLength: n,
        })
        .filter((w) => w.some((x) => x > 1e-6)),
    }),
  );

/** Saaty's 1-9 scale and its reciprocals. */
const saatyValue = fc.integer({ min: 1, max: 9 }).chain((v) => fc.constantFrom(v, 1 / v));

export const pairwiseMatrix: fc.Arbitrary<number[][]> = fc.integer({ min: 1, max: 9 }).chain((n) =>
  fc.array(saatyValue, { minLength: (n * (n - 1)) / 2, maxLength: (n * (n - 1)) / 2 }).map((upper) => {
    const a = Array.from({ length: n }, () => new Array<number>(n).fill(1));
    let k = 0;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const v = upper[k++]!;
        a[i]![j] = v;
        a[j]![i] = 1 / v;
      }
    }
    return a;
  }),
);

export function expectFinite(values: readonly number[]): void {
  for (const v of values) expect(Number.isFinite(v), `finite: ${v}`).toBe(true);
}

export function expectSumsToOne(values: readonly number[]): void {
  expectFinite(values);
  expect(Math.abs(values.reduce((s, x) => s + x, 0) - 1)).toBeLessThan(1e-9);
}

/**
 * Ranks form a competition ranking of `values`: they start at 1, each rank is 1 + the number
 * of strictly better-ranked items, equal values share a rank, and a clearly higher value never
 * ranks below a lower one.
 */
export function expectCompetitionRanks(values: readonly number[], ranks: readonly number[]): void {
  expect(ranks).toHaveLength(values.length);
  if (values.length > 0) expect(Math.min(...ranks)).toBe(1);
  ranks.forEach((r, i) => {
    expect(r).toBe(1 + ranks.filter((other) => other < r).length);
    values.forEach((v, j) => {
      if (v === values[i]) expect(ranks[j]).toBe(r);
      if (v > values[i]! + 1e-6) expect(ranks[j]!).toBeLessThan(r);
    });
  });
}
