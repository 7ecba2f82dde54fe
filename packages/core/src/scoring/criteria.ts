/** Weights scaled to sum to 1; missing weights mean equal weights. */
export function normalizedWeights(weights: readonly number[] | undefined, columns: number): number[] {
  if (!weights) return new Array<number>(columns).fill(1 / columns);
  const total = weights.reduce((s, w) => s + w, 0);
  return weights.map((w) => w / total);
}

/** Missing types mean every criterion is a benefit criterion. */
export function criterionTypes(types: ReadonlyArray<1 | -1> | undefined, columns: number): Array<1 | -1> {
  return types ? [...types] : new Array<1 | -1>(columns).fill(1);
}

export function column(matrix: readonly number[][], j: number): number[] {
  return matrix.map((r) => r[j]!);
}

/**
 * Direction-aware min-max scaling of one column to [0, 1], 1 = best. A constant column has
 * no spread to scale, so `constantValue` decides what it becomes.
 */
export function minMaxColumn(values: readonly number[], type: 1 | -1, constantValue: number): number[] {
  const min = Math.min(...values);
  const max = Math.max(...values);
  const spread = max - min;
  if (spread === 0) return values.map(() => constantValue);
  return values.map((x) => (type === 1 ? (x - min) / spread : (max - x) / spread));
}
