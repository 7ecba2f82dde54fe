import { column, minMaxColumn } from './criteria.js';
import { parseWith } from './parse.js';
import { type EntropyInput, entropyInputSchema, type ParsedEntropyInput } from './schemas.js';

export interface EntropyResult {
  weights: number[];
}

/** Shannon entropy of a column, normalised by ln(m) to [0, 1]; 0·ln 0 = 0. */
function columnEntropy(values: readonly number[]): number {
  const total = values.reduce((s, x) => s + x, 0);
  const spread = Math.max(...values) - Math.min(...values);
  // A constant (or all-zero) column tells the alternatives apart in no way: maximal entropy.
  if (total === 0 || spread === 0) return 1;
  let sum = 0;
  for (const x of values) {
    const p = x / total;
    // p can underflow to 0 for a tiny x; 0·ln 0 = 0.
    if (p > 0) sum += p * Math.log(p);
  }
  return -sum / Math.log(values.length);
}

export function computeEntropyWeights(input: ParsedEntropyInput): EntropyResult {
  const { matrix } = input;
  const columns = matrix[0]!.length;
  // With a single alternative every column is constant; ln(1) = 0 would divide by zero.
  if (matrix.length === 1) return { weights: new Array<number>(columns).fill(1 / columns) };
  const diversity = Array.from({ length: columns }, (_, j) => {
    const raw = column(matrix, j);
    const values = input.options.input === 'minmax' ? minMaxColumn(raw, input.types![j]!, 0) : raw;
    // Rounding can leave e a hair above 1; a diversity below 0 has no meaning.
    return Math.max(0, 1 - columnEntropy(values));
  });
  const total = diversity.reduce((s, d) => s + d, 0);
  // No column discriminates at all: no criterion earns more weight than another.
  if (total === 0) return { weights: new Array<number>(columns).fill(1 / columns) };
  return { weights: diversity.map((d) => d / total) };
}

/** Entropy weights (熵权法) of the criteria; validates `input` first. */
export function entropyWeights(input: EntropyInput): EntropyResult {
  return computeEntropyWeights(parseWith(entropyInputSchema, input));
}
