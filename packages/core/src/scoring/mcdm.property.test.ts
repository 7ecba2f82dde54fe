import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ahp } from './ahp.js';
import { entropyWeights } from './entropy.js';
import { ScoringInputError } from './errors.js';
import { greyRelationalAnalysis } from './gra.js';
import { runMcdm } from './mcdm.js';
import {
  expectCompetitionRanks,
  expectFinite,
  expectSumsToOne,
  matrixCase,
  pairwiseMatrix,
} from './test-arbitraries.js';
import { topsis } from './topsis.js';

const normalizations = ['vector', 'minmax', 'sum', 'none'] as const;
const distances = ['classic', 'weighted'] as const;
const priorities = ['eigen', 'column_mean', 'geometric_mean'] as const;
const lambdas = ['eigen', 'mean_ratio'] as const;
const riTables = ['saaty1980', 'chinese', 'saaty2005', 'donegan_dodd1991', 'tummala_ling1998'] as const;

describe('MCDM properties on valid input', () => {
  it('entropy weights are non-negative and sum to 1 (raw and minmax)', () => {
    fc.assert(
      fc.property(
        matrixCase,
        fc.constantFrom('raw' as const, 'minmax' as const),
        ({ matrix, types }, how) => {
          const { weights } = entropyWeights({ matrix, types, options: { input: how } });
          expectSumsToOne(weights);
          for (const w of weights) expect(w).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });

  it('topsis closeness lies in [0, 1], ranks are competition ranks, and scaling all weights changes nothing', () => {
    fc.assert(
      fc.property(
        matrixCase,
        fc.constantFrom(...normalizations),
        fc.constantFrom(...distances),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        ({ matrix, types, weights }, normalization, distance, factor) => {
          const options = { normalization, distance };
          const result = topsis({ matrix, types, weights, options });
          expectFinite(result.closeness);
          for (const c of result.closeness) {
            expect(c).toBeGreaterThanOrEqual(0);
            expect(c).toBeLessThanOrEqual(1);
          }
          expectCompetitionRanks(result.closeness, result.rank);
          const scaled = topsis({ matrix, types, weights: weights.map((w) => w * factor), options });
          scaled.closeness.forEach((c, i) => {
            expect(Math.abs(c - result.closeness[i]!)).toBeLessThan(1e-9);
          });
        },
      ),
    );
  });

  it('grey relational grades lie in (0, 1] with competition ranks', () => {
    fc.assert(
      fc.property(
        matrixCase,
        fc.constantFrom('minmax' as const, 'reciprocal_max' as const),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        ({ matrix, types, weights }, normalization, rho) => {
          // reciprocal_max needs positive data: shift the generated matrix away from 0.
          const data = normalization === 'reciprocal_max' ? matrix.map((r) => r.map((x) => x + 1)) : matrix;
          const result = greyRelationalAnalysis({
            matrix: data,
            types,
            weights,
            options: { normalization, rho },
          });
          expectFinite(result.grades);
          for (const g of result.grades) {
            expect(g).toBeGreaterThan(0);
            expect(g).toBeLessThanOrEqual(1 + 1e-12);
          }
          expectCompetitionRanks(result.grades, result.rank);
        },
      ),
    );
  });

  it('ahp priorities are positive and sum to 1; CI >= 0; CR finite; consistent iff CR < 0.1', () => {
    fc.assert(
      fc.property(
        pairwiseMatrix,
        fc.constantFrom(...priorities),
        fc.constantFrom(...lambdas),
        fc.constantFrom(...riTables),
        (matrix, priority, lambda, ri) => {
          const result = ahp({ matrix, options: { priority, lambda, ri } });
          expectSumsToOne(result.priority);
          for (const p of result.priority) expect(p).toBeGreaterThan(0);
          expectFinite([result.lambdaMax, result.ci, result.cr]);
          expect(result.ci).toBeGreaterThanOrEqual(0);
          expect(result.consistent).toBe(result.cr < 0.1);
        },
      ),
    );
  });

  it('ahp recovers w exactly from a consistent matrix with every priority method', () => {
    const positiveWeights = fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), {
      minLength: 1,
      maxLength: 12,
    });
    fc.assert(
      fc.property(positiveWeights, fc.constantFrom(...priorities), (raw, priority) => {
        const total = raw.reduce((s, x) => s + x, 0);
        const w = raw.map((x) => x / total);
        const result = ahp({ matrix: w.map((wi) => w.map((wj) => wi / wj)), options: { priority } });
        result.priority.forEach((p, i) => {
          expect(p).toBeCloseTo(w[i]!, 9);
        });
        expect(result.cr).toBeLessThan(1e-9);
        expect(result.consistent).toBe(true);
      }),
    );
  });

  it('ahp hierarchy scores sum to 1 with competition ranks', () => {
    const hierarchy = fc.integer({ min: 1, max: 6 }).chain((criteria) =>
      fc.integer({ min: 1, max: 6 }).chain((size) =>
        fc.record({
          criteria: pairwiseMatrix.filter((a) => a.length === criteria),
          alternatives: fc.array(
            pairwiseMatrix.filter((a) => a.length === size),
            { minLength: criteria, maxLength: criteria },
          ),
        }),
      ),
    );
    fc.assert(
      fc.property(hierarchy, ({ criteria, alternatives }) => {
        const result = ahp({ criteria, alternatives });
        if (!('scores' in result)) throw new Error('expected a hierarchy result');
        expectSumsToOne(result.scores);
        expectCompetitionRanks(result.scores, result.rank);
      }),
      { numRuns: 50 },
    );
  });
});

describe('MCDM never returns NaN on extreme but valid values', () => {
  const extreme = fc.oneof(
    fc.double({ min: -1e100, max: 1e100, noNaN: true }),
    fc.constantFrom(0, 5e-324, -5e-324, 1e100, -1e100, 1e-300),
  );
  const extremeCase = matrixCase.chain((c) =>
    fc
      .array(fc.array(extreme, { minLength: c.types.length, maxLength: c.types.length }), {
        minLength: c.matrix.length,
        maxLength: c.matrix.length,
      })
      .map((matrix) => ({ ...c, matrix })),
  );

  it('topsis (vector, minmax, none), gra minmax and entropy minmax stay finite', () => {
    fc.assert(
      fc.property(
        extremeCase,
        fc.constantFrom('vector' as const, 'minmax' as const, 'none' as const),
        (c, how) => {
          const { closeness, rank } = topsis({ ...c, options: { normalization: how } });
          expectFinite(closeness);
          expectCompetitionRanks(closeness, rank);
          expectFinite(greyRelationalAnalysis(c).grades);
          expectSumsToOne(
            entropyWeights({ matrix: c.matrix, types: c.types, options: { input: 'minmax' } }).weights,
          );
        },
      ),
    );
  });
});

type Corruption = (c: { matrix: number[][]; types: number[]; weights: number[] }) => Record<string, unknown>;

const corruptions: Record<string, Corruption> = {
  'empty matrix': () => ({ matrix: [] }),
  'empty row': ({ matrix }) => ({ matrix: [[], ...matrix] }),
  ragged: ({ matrix }) => ({ matrix: [...matrix, [...matrix[0]!, 1]] }),
  'non-finite value': ({ matrix }) => ({
    matrix: [matrix[0]!.map((x, j) => (j === 0 ? Number.NaN : x)), ...matrix],
  }),
  'infinite value': ({ matrix }) => ({ matrix: [matrix[0]!.map(() => Number.POSITIVE_INFINITY), ...matrix] }),
  'types of the wrong length': ({ matrix, types }) => ({ matrix, types: [...types, 1] }),
  'weights of the wrong length': ({ matrix, weights }) => ({ matrix, weights: [...weights, 1] }),
};

describe('MCDM on invalid input', () => {
  it('every method throws ScoringInputError for each listed kind of bad matrix input', () => {
    fc.assert(
      fc.property(
        matrixCase,
        fc.constantFrom(...Object.keys(corruptions)),
        fc.constantFrom('entropy' as const, 'topsis' as const, 'gra' as const),
        (c, kind, method) => {
          const input = corruptions[kind]!(c);
          // entropy takes no weights: that corruption does not apply to it.
          if (method === 'entropy' && kind === 'weights of the wrong length') return;
          expect(() => runMcdm(method, input)).toThrow(ScoringInputError);
        },
      ),
    );
  });

  it('negative values are rejected by entropy raw and topsis sum normalisation', () => {
    fc.assert(
      fc.property(matrixCase, fc.double({ min: -1000, max: -1e-9, noNaN: true }), ({ matrix }, negative) => {
        const bad = [matrix[0]!.map((x, j) => (j === 0 ? negative : x)), ...matrix.slice(1)];
        expect(() => entropyWeights({ matrix: bad })).toThrow(/negative value/);
        expect(() => topsis({ matrix: bad, options: { normalization: 'sum' } })).toThrow(/negative value/);
      }),
    );
  });

  it('ahp rejects a matrix that is not reciprocal, not positive or not square', () => {
    fc.assert(
      fc.property(
        pairwiseMatrix.filter((a) => a.length >= 2),
        fc.constantFrom('reciprocal', 'positive', 'square'),
        fc.double({ min: 1.02, max: 5, noNaN: true }),
        (matrix, broken, factor) => {
          const a = matrix.map((r) => [...r]);
          if (broken === 'reciprocal') a[0]![1] = a[0]![1]! * factor;
          if (broken === 'positive') a[1]![0] = -a[1]![0]!;
          if (broken === 'square') a.pop();
          expect(() => ahp({ matrix: a })).toThrow(ScoringInputError);
        },
      ),
    );
  });
});
