import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { compareIds, DrawStream } from './stream.js';

describe('DrawStream', () => {
  it('reads SHA-256 of "seed:k" as big-endian 32-bit words', () => {
    const s = new DrawStream('abc');
    const block0 = createHash('sha256').update('abc:0').digest();
    const block1 = createHash('sha256').update('abc:1').digest();
    const words = Array.from({ length: 9 }, () => s.nextWord());
    expect(words.slice(0, 8)).toEqual(Array.from({ length: 8 }, (_, i) => block0.readUInt32BE(i * 4)));
    expect(words[8]).toBe(block1.readUInt32BE(0));
  });

  it('draws below n by rejection, without modulo bias', () => {
    // For n = 3·2^30 the limit is 3·2^30: any word at or above it is rejected.
    const n = 3 * 2 ** 30;
    const s = new DrawStream('bias');
    const raw = new DrawStream('bias');
    for (let i = 0; i < 50; i++) {
      const value = s.below(n);
      let u = raw.nextWord();
      while (u >= n) u = raw.nextWord();
      expect(value).toBe(u % n);
    }
    expect(() => s.below(0)).toThrow(RangeError);
  });

  it('is roughly uniform', () => {
    const s = new DrawStream('uniform');
    const counts = [0, 0, 0, 0, 0, 0, 0];
    for (let i = 0; i < 70_000; i++) counts[s.below(7)]!++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
  });

  it('orders ids by code point', () => {
    expect(['b', 'a', '\u{1F600}', '\uFF5E', 'ab'].sort(compareIds)).toEqual([
      'a',
      'ab',
      'b',
      '\uFF5E',
      '\u{1F600}',
    ]);
  });
});
