import { column, criterionTypes, minMaxColumn, normalizedWeights } from './criteria.js';
import { parseWith } from './parse.js';
import { competitionRank } from './rank.js';
import { type GraInput, graInputSchema, type ParsedGraInput } from './schemas.js';

export interface GraResult {
  grades: number[];
  rank: number[];
}

function normalizeColumn(
  values: number[],
  type: 1 | -1,
  how: ParsedGraInput['options']['normalization'],
): number[] {
  // A constant column: every alternative already holds the best value.
  if (how === 'minmax') return minMaxColumn(values, type, 1);
  const oriented = type === 1 ? values : values.map((x) => 1 / x);
  const max = Math.max(...oriented);
  return oriented.map((x) => x / max);
}

export function computeGra(input: ParsedGraInput): GraResult {
  const { matrix, options } = input;
  const m = matrix.length;
  const n = matrix[0]!.length;
  const weights = normalizedWeights(input.weights, n);
  const types = criterionTypes(input.types, n);
  // Every normalised column is "higher is better", so the reference series is each column's max.
  const deltas = Array.from({ length: n }, (_, j) => {
    const z = normalizeColumn(column(matrix, j), types[j]!, options.normalization);
    const reference = Math.max(...z);
    return z.map((x) => Math.abs(reference - x));
  });
  let deltaMin = Number.POSITIVE_INFINITY;
  let deltaMax = 0;
  for (const d of deltas) {
    for (const x of d) {
      deltaMin = Math.min(deltaMin, x);
      deltaMax = Math.max(deltaMax, x);
    }
  }
  const rhoMax = options.rho * deltaMax;
  const grades = Array.from({ length: m }, (_, i) => {
    let grade = 0;
    for (let j = 0; j < n; j++) {
      // Δmax = 0: every alternative coincides with the reference, a perfect relation.
      const xi = rhoMax === 0 ? 1 : (deltaMin + rhoMax) / (deltas[j]![i]! + rhoMax);
      grade += weights[j]! * xi;
    }
    return grade;
  });
  return { grades, rank: competitionRank(grades) };
}

/** Grey relational grades (Deng 1982) against the ideal series; validates `input` first. */
export function greyRelationalAnalysis(input: GraInput): GraResult {
  return computeGra(parseWith(graInputSchema, input));
}
