/** Classic string measures over sequences of code points; O(n·m) time, O(m) memory. */

export interface Alignment {
  /** Levenshtein distance. */
  edit: number;
  /** Length of the longest common subsequence. */
  subsequence: number;
  /** Length of the longest common substring. */
  substring: number;
}

// Rows reused across calls: the decision runs these on every candidate of every submission,
// and fresh arrays each time cost more in garbage collection than the loops themselves.
let rows = new Int32Array(0);

/**
 * Edit distance, longest common subsequence and longest common substring of two code-point
 * sequences in one dynamic-programming pass (three O(m) row pairs). Hand-written because the
 * three come from the same table and no library fuses them over integer codes.
 */
export function alignment(a: ArrayLike<number>, b: ArrayLike<number>): Alignment {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return { edit: Math.max(n, m), subsequence: 0, substring: 0 };
  const w = m + 1;
  if (rows.length < 6 * w) rows = new Int32Array(6 * w * 2);
  let prevEdit = 0;
  let curEdit = w;
  let prevSeq = 2 * w;
  let curSeq = 3 * w;
  let prevSub = 4 * w;
  let curSub = 5 * w;
  const r = rows;
  for (let j = 0; j <= m; j++) {
    r[prevEdit + j] = j;
    r[prevSeq + j] = 0;
    r[prevSub + j] = 0;
  }
  r[curSeq] = 0;
  r[curSub] = 0;
  let substring = 0;
  for (let i = 1; i <= n; i++) {
    const ai = a[i - 1];
    r[curEdit] = i;
    for (let j = 1; j <= m; j++) {
      if (ai === b[j - 1]) {
        r[curEdit + j] = r[prevEdit + j - 1]!;
        r[curSeq + j] = r[prevSeq + j - 1]! + 1;
        const run = r[prevSub + j - 1]! + 1;
        r[curSub + j] = run;
        if (run > substring) substring = run;
      } else {
        const sub = r[prevEdit + j - 1]!;
        const del = r[prevEdit + j]!;
        const ins = r[curEdit + j - 1]!;
        r[curEdit + j] = (sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins) + 1;
        const up = r[prevSeq + j]!;
        const left = r[curSeq + j - 1]!;
        r[curSeq + j] = up > left ? up : left;
        r[curSub + j] = 0;
      }
    }
    [prevEdit, curEdit] = [curEdit, prevEdit];
    [prevSeq, curSeq] = [curSeq, prevSeq];
    [prevSub, curSub] = [curSub, prevSub];
  }
  return { edit: r[prevEdit + m]!, subsequence: r[prevSeq + m]!, substring };
}

/** |A∩B|, |A|, |B| of two sets. */
export function overlap<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let n = 0;
  for (const x of small) if (large.has(x)) n++;
  return n;
}

/** Jaccard similarity of two sets (1 for two empty sets). */
export function jaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (a.size === 0 && b.size === 0) return 1;
  const inter = overlap(a, b);
  return inter / (a.size + b.size - inter);
}
