import { column, criterionTypes, minMaxColumn, normalizedWeights } from './criteria.js';
import { parseWith } from './parse.js';
import { competitionRank } from './rank.js';
import { type ParsedTopsisInput, type TopsisInput, topsisInputSchema } from './schemas.js';

export interface TopsisResult {
  closeness: number[];
  rank: number[];
}

type Normalization = ParsedTopsisInput['options']['normalization'];

function normalizeColumn(values: number[], type: 1 | -1, how: Normalization): number[] {
  switch (how) {
    case 'vector': {
      const norm = Math.sqrt(values.reduce((s, x) => s + x * x, 0));
      return norm === 0 ? values.map(() => 0) : values.map((x) => x / norm);
    }
    case 'sum': {
      const total = values.reduce((s, x) => s + x, 0);
      return total === 0 ? values.map(() => 0) : values.map((x) => x / total);
    }
    case 'minmax':
      // A constant column has equal ideal and anti-ideal; any constant adds no distance.
      return minMaxColumn(values, type, 1);
    case 'none':
      return values;
  }
}

export function computeTopsis(input: ParsedTopsisInput): TopsisResult {
  const { matrix, options } = input;
  const m = matrix.length;
  const n = matrix[0]!.length;
  const weights = normalizedWeights(input.weights, n);
  const given = criterionTypes(input.types, n);
  // After direction-aware min-max every criterion is a benefit criterion.
  const types = options.normalization === 'minmax' ? given.map(() => 1 as const) : given;
  const dPlus = new Array<number>(m).fill(0);
  const dMinus = new Array<number>(m).fill(0);
  for (let j = 0; j < n; j++) {
    const w = weights[j]!;
    // classic: distances on the weighted matrix (w·d)²; weighted: w·d².
    const factor = options.distance === 'classic' ? w * w : w;
    const r = normalizeColumn(column(matrix, j), given[j]!, options.normalization);
    const max = Math.max(...r);
    const min = Math.min(...r);
    const ideal = types[j] === 1 ? max : min;
    const antiIdeal = types[j] === 1 ? min : max;
    for (let i = 0; i < m; i++) {
      dPlus[i]! += factor * (r[i]! - ideal) ** 2;
      dMinus[i]! += factor * (r[i]! - antiIdeal) ** 2;
    }
  }
  const closeness = dPlus.map((sqPlus, i) => {
    const plus = Math.sqrt(sqPlus);
    const minus = Math.sqrt(dMinus[i]!);
    // Ideal equals anti-ideal on every weighted criterion: all alternatives are alike.
    return plus + minus === 0 ? 0.5 : minus / (plus + minus);
  });
  return { closeness, rank: competitionRank(closeness) };
}

/** TOPSIS (Hwang & Yoon 1981) closeness to the ideal solution; validates `input` first. */
export function topsis(input: TopsisInput): TopsisResult {
  return computeTopsis(parseWith(topsisInputSchema, input));
}
