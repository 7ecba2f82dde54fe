/** Classic string measures over sequences of code points. */

export interface Alignment {
  /** Levenshtein distance. */
  edit: number;
  /** Length of the longest common subsequence. */
  subsequence: number;
  /** Length of the longest common substring. */
  substring: number;
}

// Scratch space reused across calls: the decision runs on every candidate of every submission,
// and fresh arrays each time cost more in garbage collection than the work itself.
const peqOffset = new Map<number, number>();
let peq = new Uint32Array(0);
let pv = new Uint32Array(0);
let mv = new Uint32Array(0);
let lcs = new Uint32Array(0);
let diagLast = new Int32Array(0);
let diagRun = new Int32Array(0);

function scratch(words: number, distinct: number, diagonals: number) {
  if (peq.length < (distinct + 1) * words) peq = new Uint32Array(2 * (distinct + 1) * words);
  if (pv.length < words) {
    pv = new Uint32Array(2 * words);
    mv = new Uint32Array(2 * words);
    lcs = new Uint32Array(2 * words);
  }
  if (diagLast.length < diagonals) {
    diagLast = new Int32Array(2 * diagonals);
    diagRun = new Int32Array(2 * diagonals);
  }
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/**
 * Edit distance, longest common subsequence and longest common substring of two code-point
 * sequences. Bit-parallel over 32-bit words of the shorter sequence: Levenshtein by Myers'
 * algorithm in its block form (Myers 1999), the LCS by Hyyrö's bit-vector recurrence
 * (V ← (V + (V & M)) | (V & ~M), Hyyrö 2004), and the longest common substring by following
 * runs of matches along diagonals. Hand-written because no library computes the three together
 * over code points; a plain dynamic-programming reference checks it in strings.test.ts.
 */
export function alignment(x: ArrayLike<number>, y: ArrayLike<number>): Alignment {
  // The pattern (bits) is the shorter sequence; all three measures are symmetric.
  const [p, t] = x.length <= y.length ? [x, y] : [y, x];
  const m = p.length;
  const n = t.length;
  if (m === 0) return { edit: n, subsequence: 0, substring: 0 };
  const words = (m + 31) >>> 5;
  peqOffset.clear();
  for (let j = 0; j < m; j++) if (!peqOffset.has(p[j]!)) peqOffset.set(p[j]!, (peqOffset.size + 1) * words);
  scratch(words, peqOffset.size, n + m + 1);
  // Offset 0 holds the all-zero mask of a character the pattern lacks.
  peq.fill(0, 0, (peqOffset.size + 1) * words);
  for (let j = 0; j < m; j++) peq[peqOffset.get(p[j]!)! + (j >>> 5)]! |= 1 << (j & 31);
  const lastBit = 1 << ((m - 1) & 31);
  for (let k = 0; k < words; k++) {
    pv[k] = 0xffffffff;
    mv[k] = 0;
    lcs[k] = 0xffffffff;
  }
  diagLast.fill(-2, 0, n + m + 1);
  let edit = m;
  let substring = 0;
  for (let i = 0; i < n; i++) {
    const c = t[i]!;
    const at = peqOffset.get(c) ?? 0;
    // Myers: blocks from the top; the top row's horizontal delta is +1 (D[0][j] = j).
    let hin = 1;
    let carry = 0;
    for (let k = 0; k < words; k++) {
      let eq = peq[at + k]!;
      const pvk = pv[k]!;
      const mvk = mv[k]!;
      const xv = (eq | mvk) >>> 0;
      if (hin < 0) eq = (eq | 1) >>> 0;
      const xh = ((((((eq & pvk) >>> 0) + pvk) >>> 0) ^ pvk) | eq) >>> 0;
      let ph = (mvk | ~(xh | pvk)) >>> 0;
      let mh = (pvk & xh) >>> 0;
      const high = k === words - 1 ? lastBit : 0x80000000;
      const hout = (ph & high ? 1 : 0) - (mh & high ? 1 : 0);
      ph = ((ph << 1) | (hin > 0 ? 1 : 0)) >>> 0;
      mh = ((mh << 1) | (hin < 0 ? 1 : 0)) >>> 0;
      pv[k] = (mh | ~(xv | ph)) >>> 0;
      mv[k] = (ph & xv) >>> 0;
      hin = hout;
      // Hyyrö's LCS: a full-width addition, so the carry crosses words.
      if (at !== 0) {
        const v = lcs[k]!;
        const u = (v & peq[at + k]!) >>> 0;
        const sum = v + u + carry;
        carry = sum > 0xffffffff ? 1 : 0;
        lcs[k] = ((sum >>> 0) | (v & ~u)) >>> 0;
      }
    }
    edit += hin;
    if (at === 0) continue;
    // Runs of matches: diagonal d = j - i + n holds the row of its last match and the run's length.
    for (let k = 0; k < words; k++) {
      let bits = peq[at + k]!;
      while (bits !== 0) {
        const low = bits & -bits;
        const j = (k << 5) + 31 - Math.clz32(low);
        bits = (bits ^ low) >>> 0;
        const d = j - i + n;
        const run = diagLast[d] === i - 1 ? diagRun[d]! + 1 : 1;
        diagLast[d] = i;
        diagRun[d] = run;
        if (run > substring) substring = run;
      }
    }
  }
  let zeros = 0;
  for (let k = 0; k < words; k++) {
    const width = k === words - 1 ? m - (k << 5) : 32;
    const mask = width === 32 ? 0xffffffff : ((1 << width) - 1) >>> 0;
    zeros += width - popcount((lcs[k]! & mask) >>> 0);
  }
  return { edit, subsequence: zeros, substring };
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
