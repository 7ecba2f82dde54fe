import { z } from 'zod';
import { MAX_PAIRWISE_SIZE, randomIndexTableNames } from './ri-tables.js';

/**
 * a_ij · a_ji may miss 1 by this much, so 0.33 stands for 1/3 (3 × 0.33 = 0.99 exactly at the
 * limit; the 1e-9 absorbs the rounding of that product).
 */
export const RECIPROCAL_TOLERANCE = 0.01 + 1e-9;

/** Pairwise judgements beyond this ratio (or its reciprocal) would underflow the priorities. */
export const MAX_JUDGEMENT = 1e12;

/** A square, positive, reciprocal pairwise-comparison matrix of size 1..15. */
export const pairwiseMatrixSchema = z
  .array(z.array(z.number()))
  .min(1, 'the pairwise matrix is empty')
  .max(MAX_PAIRWISE_SIZE, `a pairwise matrix has at most ${MAX_PAIRWISE_SIZE} rows (the RI tables end there)`)
  .superRefine((a, ctx) => {
    const n = a.length;
    let square = true;
    a.forEach((row, i) => {
      if (row.length !== n) {
        square = false;
        ctx.addIssue({
          code: 'custom',
          path: [i],
          message: `not square: row ${i} has ${row.length} values, expected ${n}`,
        });
      }
    });
    if (!square) return;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const x = a[i]![j]!;
        if (!(x > 0)) {
          ctx.addIssue({ code: 'custom', path: [i, j], message: `not positive: ${x}` });
        } else if (x < 1 / MAX_JUDGEMENT || x > MAX_JUDGEMENT) {
          ctx.addIssue({
            code: 'custom',
            path: [i, j],
            message: `judgement ${x} outside [1e-12, 1e12]`,
          });
        } else if (j >= i) {
          const y = a[j]![i]!;
          if (y > 0 && Math.abs(x * y - 1) > RECIPROCAL_TOLERANCE) {
            ctx.addIssue({
              code: 'custom',
              path: [i, j],
              message: `not reciprocal: a[${i}][${j}] · a[${j}][${i}] = ${x * y}, expected 1`,
            });
          }
        }
      }
    }
  });

export const ahpOptionsSchema = z
  .object({
    priority: z.enum(['eigen', 'column_mean', 'geometric_mean']).default('eigen'),
    lambda: z.enum(['eigen', 'mean_ratio']).default('eigen'),
    ri: z.enum(randomIndexTableNames).default('saaty1980'),
  })
  .default({ priority: 'eigen', lambda: 'eigen', ri: 'saaty1980' });

export const ahpSingleInputSchema = z.object({ matrix: pairwiseMatrixSchema, options: ahpOptionsSchema });

export const ahpHierarchyInputSchema = z
  .object({
    criteria: pairwiseMatrixSchema,
    alternatives: z.array(pairwiseMatrixSchema).min(1),
    options: ahpOptionsSchema,
  })
  .superRefine((input, ctx) => {
    if (input.alternatives.length !== input.criteria.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['alternatives'],
        message: `${input.alternatives.length} alternative matrices for ${input.criteria.length} criteria`,
      });
    }
    const size = input.alternatives[0]?.length ?? 0;
    input.alternatives.forEach((a, k) => {
      if (a.length !== size) {
        ctx.addIssue({
          code: 'custom',
          path: ['alternatives', k],
          message: `compares ${a.length} alternatives, alternatives[0] compares ${size}`,
        });
      }
    });
  });

/** Either one pairwise matrix, or a two-level hierarchy: criteria plus alternatives per criterion. */
export const ahpInputSchema = z.union([ahpSingleInputSchema, ahpHierarchyInputSchema], {
  error: 'AHP input needs "matrix", or "criteria" with "alternatives"',
});

export type AhpInput = z.input<typeof ahpInputSchema>;
export type ParsedAhpInput = z.output<typeof ahpInputSchema>;
export type AhpOptions = z.output<typeof ahpOptionsSchema>;
