import {
  type AhpInput,
  type AhpOptions,
  ahpHierarchyInputSchema,
  ahpSingleInputSchema,
  type ParsedAhpInput,
} from './ahp-schema.js';
import { principalEigen } from './eigen.js';
import { parseWith } from './parse.js';
import { competitionRank } from './rank.js';
import { randomIndex } from './ri-tables.js';

export interface AhpMatrixResult {
  priority: number[];
  lambdaMax: number;
  ci: number;
  cr: number;
  consistent: boolean;
}

export interface AhpHierarchyResult extends AhpMatrixResult {
  /** Global priorities of the alternatives: Σ_c priority_c · local_c. */
  scores: number[];
  rank: number[];
  /** The local result of each criterion's matrix of alternatives, in criteria order. */
  alternatives: AhpMatrixResult[];
}

export type AhpResult = AhpMatrixResult | AhpHierarchyResult;

export const CONSISTENCY_THRESHOLD = 0.1;

function normalize(values: number[]): number[] {
  const total = values.reduce((s, x) => s + x, 0);
  return values.map((x) => x / total);
}

/** 和积法: normalise each column to sum 1, then average each row. */
function columnMeanPriority(a: number[][]): number[] {
  const n = a.length;
  const columnSums = a[0]!.map((_, j) => a.reduce((s, row) => s + row[j]!, 0));
  return a.map((row) => row.reduce((s, x, j) => s + x / columnSums[j]!, 0) / n);
}

/** 方根法: n-th root of each row's product, then scale to sum 1 (logs avoid overflow). */
function geometricMeanPriority(a: number[][]): number[] {
  const n = a.length;
  return normalize(a.map((row) => Math.exp(row.reduce((s, x) => s + Math.log(x), 0) / n)));
}

function meanRatioLambda(a: number[][], w: number[]): number {
  const ratios = a.map((row, i) => row.reduce((s, x, j) => s + x * w[j]!, 0) / w[i]!);
  return ratios.reduce((s, x) => s + x, 0) / ratios.length;
}

/** Priority vector and consistency of one pairwise-comparison matrix (already validated). */
export function analyzePairwise(a: number[][], options: AhpOptions): AhpMatrixResult {
  const n = a.length;
  const eigen = options.priority === 'eigen' || options.lambda === 'eigen' ? principalEigen(a) : undefined;
  const priority =
    options.priority === 'eigen'
      ? eigen!.vector
      : options.priority === 'column_mean'
        ? columnMeanPriority(a)
        : geometricMeanPriority(a);
  const lambdaMax = options.lambda === 'eigen' ? eigen!.value : meanRatioLambda(a, priority);
  // λmax ≥ n for a reciprocal matrix; rounding (or 0.33 for 1/3) can leave it a hair below.
  const ci = n <= 2 ? 0 : Math.max(0, (lambdaMax - n) / (n - 1));
  const ri = randomIndex(options.ri, n);
  const cr = ri === 0 ? 0 : ci / ri;
  return { priority, lambdaMax, ci, cr, consistent: cr < CONSISTENCY_THRESHOLD };
}

export function computeAhp(input: ParsedAhpInput): AhpResult {
  if ('matrix' in input) return analyzePairwise(input.matrix, input.options);
  const top = analyzePairwise(input.criteria, input.options);
  const alternatives = input.alternatives.map((a) => analyzePairwise(a, input.options));
  const count = input.alternatives[0]!.length;
  const scores = Array.from({ length: count }, (_, i) =>
    alternatives.reduce((s, local, c) => s + top.priority[c]! * local.priority[i]!, 0),
  );
  return { ...top, scores, rank: competitionRank(scores), alternatives };
}

/** Validates AHP input: a hierarchy when `criteria` is present, else a single matrix. */
export function parseAhpInput(input: unknown): ParsedAhpInput {
  const isHierarchy = typeof input === 'object' && input !== null && 'criteria' in input;
  return isHierarchy ? parseWith(ahpHierarchyInputSchema, input) : parseWith(ahpSingleInputSchema, input);
}

/** Analytic hierarchy process (Saaty 1980); validates `input` first. */
export function ahp(input: AhpInput): AhpResult {
  return computeAhp(parseAhpInput(input));
}
