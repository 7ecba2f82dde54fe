import { z } from 'zod';

/**
 * Largest magnitude accepted in a decision matrix: squares and sums of such values stay
 * finite, so no method can overflow into Infinity or NaN.
 */
export const MAX_MAGNITUDE = 1e100;

/** z.number() rejects NaN and ±Infinity; the bound keeps every intermediate finite. */
const cellSchema = z
  .number()
  .min(-MAX_MAGNITUDE, `values must lie within ±${MAX_MAGNITUDE}`)
  .max(MAX_MAGNITUDE, `values must lie within ±${MAX_MAGNITUDE}`);
const row = z.array(cellSchema).min(1, 'a row needs at least one value');

/** Rows are alternatives, columns are criteria; every row has the same length. */
export const decisionMatrixSchema = z
  .array(row)
  .min(1, 'the matrix is empty')
  .superRefine((rows, ctx) => {
    const width = rows[0]?.length ?? 0;
    rows.forEach((r, i) => {
      if (r.length !== width) {
        ctx.addIssue({
          code: 'custom',
          path: [i],
          message: `row ${i} has ${r.length} values, row 0 has ${width}`,
        });
      }
    });
  });

/** 1 = benefit (higher is better), -1 = cost (lower is better). */
export const criterionTypesSchema = z.array(z.union([z.literal(1), z.literal(-1)]));

/** Non-negative; scaled to sum to 1 by each method, so at least one must be positive. */
export const weightsSchema = z
  .array(z.number().nonnegative('weights cannot be negative'))
  .refine((w) => w.some((x) => x > 0), 'at least one weight must be positive');

interface MatrixShaped {
  matrix: number[][];
  types?: Array<1 | -1> | undefined;
  weights?: number[] | undefined;
}

function checkLengths(input: MatrixShaped, ctx: z.RefinementCtx): void {
  const columns = input.matrix[0]?.length ?? 0;
  if (input.types && input.types.length !== columns) {
    ctx.addIssue({
      code: 'custom',
      path: ['types'],
      message: `types has ${input.types.length} entries, the matrix has ${columns} columns`,
    });
  }
  if (input.weights && input.weights.length !== columns) {
    ctx.addIssue({
      code: 'custom',
      path: ['weights'],
      message: `weights has ${input.weights.length} entries, the matrix has ${columns} columns`,
    });
  }
}

function checkNonNegative(matrix: number[][], ctx: z.RefinementCtx, why: string): void {
  matrix.forEach((r, i) => {
    r.forEach((x, j) => {
      if (x < 0)
        ctx.addIssue({ code: 'custom', path: ['matrix', i, j], message: `negative value ${x} (${why})` });
    });
  });
}

export const entropyInputSchema = z
  .object({
    matrix: decisionMatrixSchema,
    types: criterionTypesSchema.optional(),
    options: z.object({ input: z.enum(['raw', 'minmax']).default('raw') }).default({ input: 'raw' }),
  })
  .superRefine((input, ctx) => {
    checkLengths(input, ctx);
    if (input.options.input === 'raw')
      checkNonNegative(input.matrix, ctx, 'entropy on raw data needs x >= 0');
    if (input.options.input === 'minmax' && !input.types) {
      ctx.addIssue({ code: 'custom', path: ['types'], message: 'entropy with input "minmax" needs types' });
    }
  });

export const topsisInputSchema = z
  .object({
    matrix: decisionMatrixSchema,
    types: criterionTypesSchema.optional(),
    weights: weightsSchema.optional(),
    options: z
      .object({
        normalization: z.enum(['vector', 'minmax', 'sum', 'none']).default('vector'),
        distance: z.enum(['classic', 'weighted']).default('classic'),
      })
      .default({ normalization: 'vector', distance: 'classic' }),
  })
  .superRefine((input, ctx) => {
    checkLengths(input, ctx);
    if (input.options.normalization === 'sum')
      checkNonNegative(input.matrix, ctx, 'sum normalisation needs x >= 0');
  });

export const graInputSchema = z
  .object({
    matrix: decisionMatrixSchema,
    types: criterionTypesSchema.optional(),
    weights: weightsSchema.optional(),
    options: z
      .object({
        normalization: z.enum(['minmax', 'reciprocal_max']).default('minmax'),
        rho: z.number().gt(0, 'rho must be in (0, 1]').lte(1, 'rho must be in (0, 1]').default(0.5),
      })
      .default({ normalization: 'minmax', rho: 0.5 }),
  })
  .superRefine((input, ctx) => {
    checkLengths(input, ctx);
    if (input.options.normalization === 'reciprocal_max') {
      input.matrix.forEach((r, i) => {
        r.forEach((x, j) => {
          // 1/x must stay finite, hence the lower bound.
          if (!(x >= 1 / MAX_MAGNITUDE)) {
            ctx.addIssue({
              code: 'custom',
              path: ['matrix', i, j],
              message: `value ${x}: reciprocal_max normalisation needs x >= ${1 / MAX_MAGNITUDE}`,
            });
          }
        });
      });
    }
  });

export type EntropyInput = z.input<typeof entropyInputSchema>;
export type TopsisInput = z.input<typeof topsisInputSchema>;
export type GraInput = z.input<typeof graInputSchema>;
export type ParsedEntropyInput = z.output<typeof entropyInputSchema>;
export type ParsedTopsisInput = z.output<typeof topsisInputSchema>;
export type ParsedGraInput = z.output<typeof graInputSchema>;
