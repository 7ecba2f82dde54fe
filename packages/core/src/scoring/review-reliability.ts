/**
 * Inter-rater reliability of expert reviews. See docs/methods/ideas.md for the formulas and
 * their sources (Shrout & Fleiss 1979; Krippendorff 2011).
 */

/**
 * ICC(2,1): two-way random effects, absolute agreement, single rater, for a complete
 * matrix (rows = items, columns = raters):
 *   (MSR − MSE) / (MSR + (k−1)·MSE + k·(MSC − MSE)/n).
 * Returns NaN when undefined (fewer than 2 items or raters, or no variance at all).
 */
export function icc21(matrix: readonly (readonly number[])[]): number {
  const n = matrix.length;
  const k = matrix[0]?.length ?? 0;
  if (n < 2 || k < 2 || matrix.some((r) => r.length !== k)) return Number.NaN;
  const grand = matrix.flat().reduce((s, x) => s + x, 0) / (n * k);
  const rowMeans = matrix.map((r) => r.reduce((s, x) => s + x, 0) / k);
  const colMeans = Array.from({ length: k }, (_, j) => matrix.reduce((s, r) => s + r[j]!, 0) / n);
  const ssr = k * rowMeans.reduce((s, m) => s + (m - grand) ** 2, 0);
  const ssc = n * colMeans.reduce((s, m) => s + (m - grand) ** 2, 0);
  const sst = matrix.flat().reduce((s, x) => s + (x - grand) ** 2, 0);
  const sse = sst - ssr - ssc;
  const msr = ssr / (n - 1);
  const msc = ssc / (k - 1);
  const mse = sse / ((n - 1) * (k - 1));
  const denominator = msr + (k - 1) * mse + (k * (msc - mse)) / n;
  return denominator === 0 ? Number.NaN : (msr - mse) / denominator;
}

/**
 * Krippendorff's alpha with the interval metric, for incomplete data (each item scored by
 * whichever experts it was assigned to): α = 1 − D_o / D_e, where
 *   D_o = (1/n) Σ_u (1/(m_u − 1)) Σ_{i≠j in u} (v_i − v_j)²,
 *   D_e = (1/(n(n − 1))) Σ_{i≠j over all pairable values} (v_i − v_j)²,
 * m_u the number of values of item u (items with fewer than 2 are left out) and n the total
 * of pairable values. Returns NaN when there is nothing to compare or no variance.
 */
export function krippendorffAlphaInterval(units: readonly (readonly number[])[]): number {
  const pairable = units.filter((u) => u.length >= 2);
  const values = pairable.flat();
  const n = values.length;
  if (n < 2) return Number.NaN;
  let observed = 0;
  for (const u of pairable) {
    let s = 0;
    for (let i = 0; i < u.length; i++)
      for (let j = 0; j < u.length; j++) if (i !== j) s += (u[i]! - u[j]!) ** 2;
    observed += s / (u.length - 1);
  }
  observed /= n;
  // Σ_{i≠j}(v_i − v_j)² = 2n·Σ(v − v̄)², which avoids the O(n²) double loop.
  const m = values.reduce((s, v) => s + v, 0) / n;
  const ss = values.reduce((s, v) => s + (v - m) ** 2, 0);
  const expected = (2 * n * ss) / (n * (n - 1));
  return expected === 0 ? Number.NaN : 1 - observed / expected;
}
