/** Classic string measures over arrays of code points; O(n·m) time, O(m) memory. */

/** Levenshtein distance. */
export function editDistance(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = new Int32Array(b.length + 1);
  let cur = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ai = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      const sub = prev[j - 1]! + (ai === b[j - 1] ? 0 : 1);
      const del = prev[j]! + 1;
      const ins = cur[j - 1]! + 1;
      cur[j] = Math.min(sub, del, ins);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/** Length of the longest common subsequence and of the longest common substring. */
export function commonRuns(
  a: readonly string[],
  b: readonly string[],
): { subsequence: number; substring: number } {
  let prevSeq = new Int32Array(b.length + 1);
  let curSeq = new Int32Array(b.length + 1);
  let prevSub = new Int32Array(b.length + 1);
  let curSub = new Int32Array(b.length + 1);
  let substring = 0;
  for (let i = 1; i <= a.length; i++) {
    const ai = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      if (ai === b[j - 1]) {
        curSeq[j] = prevSeq[j - 1]! + 1;
        const run = prevSub[j - 1]! + 1;
        curSub[j] = run;
        if (run > substring) substring = run;
      } else {
        const up = prevSeq[j]!;
        const left = curSeq[j - 1]!;
        curSeq[j] = Math.max(up, left);
        curSub[j] = 0;
      }
    }
    [prevSeq, curSeq] = [curSeq, prevSeq];
    [prevSub, curSub] = [curSub, prevSub];
  }
  return { subsequence: prevSeq[b.length]!, substring };
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
