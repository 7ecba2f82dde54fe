/**
 * Sets of integer codes (code points, hashed bigrams, hashed words) kept as sorted typed arrays.
 * The near-duplicate decision compares a text with every candidate of every submission, and a
 * server keeps the prepared form of every suggestion: sorted arrays are a tenth of the memory of
 * `Set<string>` and their intersections are a linear merge with no hashing. Hand-written because
 * these few merge loops are all that is needed and no small library offers them over typed arrays.
 */

/** A set of code points: in order of first occurrence (for order-dependent sums) and sorted. */
export interface CodeSet {
  order: Int32Array;
  sorted: Int32Array;
}

/** The distinct code points of a sequence of characters, first occurrence first. */
export function codeSetOf(chars: Iterable<string>): CodeSet {
  const seen = new Set<number>();
  for (const ch of chars) seen.add(ch.codePointAt(0)!);
  const order = Int32Array.from(seen);
  return { order, sorted: order.slice().sort() };
}

/** Sorted distinct values. */
export function sortedUnique<T extends Int32Array | Uint32Array | Float64Array>(values: T): T {
  const s = values.slice().sort() as T;
  let w = 0;
  for (let r = 0; r < s.length; r++) if (r === 0 || s[r] !== s[w - 1]) s[w++] = s[r]!;
  return s.subarray(0, w) as T;
}

type Sorted = ArrayLike<number>;

/** |A ∩ B| of two sorted distinct arrays. */
export function sortedOverlap(a: Sorted, b: Sorted): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}

/** Jaccard similarity of two sorted distinct arrays (1 for two empty ones). */
export function sortedJaccard(a: Sorted, b: Sorted): number {
  if (a.length === 0 && b.length === 0) return 1;
  const inter = sortedOverlap(a, b);
  return inter / (a.length + b.length - inter);
}

/** Whether a sorted array holds x (binary search). */
export function sortedHas(a: Sorted, x: number): boolean {
  let lo = 0;
  let hi = a.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = a[mid]!;
    if (v === x) return true;
    if (v < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Σ weight(x) over the x of sorted `a` missing from sorted `b`. */
export function sortedMissingWeight(a: Sorted, b: Sorted, weight: (x: number) => number): number {
  let j = 0;
  let w = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    while (j < b.length && b[j]! < x) j++;
    if (j >= b.length || b[j] !== x) w += weight(x);
  }
  return w;
}
