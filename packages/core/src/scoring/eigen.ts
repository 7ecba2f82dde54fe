export interface PrincipalEigen {
  /** Principal eigenvector, scaled to sum to 1. */
  vector: number[];
  /** Its eigenvalue (the Perron root). */
  value: number;
  iterations: number;
  converged: boolean;
}

/** Stop when no component of the (sum-1) vector moves by more than this between iterations. */
export const EIGEN_TOLERANCE = 1e-14;
export const EIGEN_MAX_ITERATIONS = 10_000;

function multiply(a: readonly number[][], w: readonly number[]): number[] {
  return a.map((row) => row.reduce((s, x, j) => s + x * w[j]!, 0));
}

/**
 * Power iteration for a matrix with positive entries. By Perron's theorem its largest
 * eigenvalue is real, simple and strictly larger in modulus than every other, with a positive
 * eigenvector, so iterating from the positive uniform vector converges (geometrically, at the
 * rate |λ2/λ1|). With w scaled to sum 1, A·w = λ·w gives λ = Σ(A·w).
 */
export function principalEigen(a: readonly number[][]): PrincipalEigen {
  const n = a.length;
  let w = new Array<number>(n).fill(1 / n);
  for (let iteration = 1; iteration <= EIGEN_MAX_ITERATIONS; iteration++) {
    const y = multiply(a, w);
    const total = y.reduce((s, x) => s + x, 0);
    const next = y.map((x) => x / total);
    const change = next.reduce((m, x, i) => Math.max(m, Math.abs(x - w[i]!)), 0);
    w = next;
    if (change <= EIGEN_TOLERANCE) {
      return { vector: w, value: sum(multiply(a, w)), iterations: iteration, converged: true };
    }
  }
  return { vector: w, value: sum(multiply(a, w)), iterations: EIGEN_MAX_ITERATIONS, converged: false };
}

function sum(values: readonly number[]): number {
  return values.reduce((s, x) => s + x, 0);
}
