import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Alignment, alignment } from './strings.js';

/** The textbook O(n·m) tables, as the reference the bit-parallel version must agree with. */
function reference(a: readonly number[], b: readonly number[]): Alignment {
  const edit = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const seq = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  const sub = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  let substring = 0;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const same = a[i - 1] === b[j - 1];
      edit[i]![j] = Math.min(
        edit[i - 1]![j - 1]! + (same ? 0 : 1),
        edit[i - 1]![j]! + 1,
        edit[i]![j - 1]! + 1,
      );
      seq[i]![j] = same ? seq[i - 1]![j - 1]! + 1 : Math.max(seq[i - 1]![j]!, seq[i]![j - 1]!);
      sub[i]![j] = same ? sub[i - 1]![j - 1]! + 1 : 0;
      substring = Math.max(substring, sub[i]![j]!);
    }
  return { edit: edit[a.length]![b.length]!, subsequence: seq[a.length]![b.length]!, substring };
}

const codes = (s: string) => [...s].map((c) => c.codePointAt(0)!);

describe('alignment', () => {
  it('measures Chinese examples', () => {
    expect(alignment(codes('黔江高铁站怎么坐公交'), codes('黔江高铁站坐公交怎么走'))).toEqual(
      reference(codes('黔江高铁站怎么坐公交'), codes('黔江高铁站坐公交怎么走')),
    );
    expect(alignment(codes('阿蓬江'), codes('阿蓬江'))).toEqual({ edit: 0, subsequence: 3, substring: 3 });
    expect(alignment(codes(''), codes('濯水'))).toEqual({ edit: 2, subsequence: 0, substring: 0 });
    expect(alignment(codes('濯水古镇'), codes('小南海'))).toEqual({ edit: 4, subsequence: 0, substring: 0 });
  });

  it('agrees with the dynamic-programming tables, across word boundaries', () => {
    // A small alphabet makes many matches; lengths up to 140 cross several 32-bit words.
    const seq = fc.array(fc.constantFrom(...codes('黔江高铁站的吗')), { maxLength: 140 });
    fc.assert(
      fc.property(seq, seq, (a, b) => {
        expect(alignment(a, b)).toEqual(reference(a, b));
        expect(alignment(b, a)).toEqual(reference(a, b));
      }),
      { numRuns: 400 },
    );
  });
});
