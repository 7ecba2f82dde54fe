import { describe, expect, it } from 'vitest';
import { principalEigen } from './eigen.js';

describe('principalEigen', () => {
  it('recovers w from a perfectly consistent matrix a_ij = w_i / w_j, with eigenvalue n', () => {
    const w = [0.5, 0.3, 0.15, 0.05];
    const a = w.map((wi) => w.map((wj) => wi / wj));
    const result = principalEigen(a);
    expect(result.converged).toBe(true);
    result.vector.forEach((x, i) => {
      expect(x).toBeCloseTo(w[i]!, 12);
    });
    expect(result.value).toBeCloseTo(4, 12);
  });

  it('finds the Perron root of an inconsistent 3x3 matrix (checked against A·w = λ·w)', () => {
    const a = [
      [1, 3, 3],
      [1 / 3, 1, 2],
      [1 / 3, 1 / 2, 1],
    ];
    const { vector, value, converged } = principalEigen(a);
    expect(converged).toBe(true);
    expect(value).toBeGreaterThan(3);
    a.forEach((row, i) => {
      const product = row.reduce((s, x, j) => s + x * vector[j]!, 0);
      expect(product).toBeCloseTo(value * vector[i]!, 12);
    });
  });
});
