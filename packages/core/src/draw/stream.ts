import { sha256, utf8 } from './sha256.js';

/**
 * The draw's deterministic random stream (qianxing-draw/1).
 *
 * Block k (k = 0, 1, 2, …) is SHA-256 of the UTF-8 bytes of `${seed}:${k}` (k in decimal);
 * the stream is the blocks one after another, read as 32-bit big-endian unsigned words.
 * Anyone who knows the seed can recompute it with any SHA-256 implementation.
 */
export class DrawStream {
  private block: Uint8Array = new Uint8Array(0);
  private offset = 0;
  private counter = 0;
  /** How many 32-bit words have been read, for the record. */
  wordsRead = 0;

  constructor(private readonly seed: string) {}

  nextWord(): number {
    if (this.offset >= this.block.length) {
      this.block = sha256(utf8(`${this.seed}:${this.counter}`));
      this.counter++;
      this.offset = 0;
    }
    const b = this.block;
    const o = this.offset;
    this.offset += 4;
    this.wordsRead++;
    return ((b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!) >>> 0;
  }

  /**
   * A uniform integer in [0, n), by rejection: read a word u; accept when
   * u < 2^32 − (2^32 mod n) and return u mod n, otherwise read another. No modulo bias.
   */
  below(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > 0x1_0000_0000) throw new RangeError(`cannot draw below ${n}`);
    const limit = 0x1_0000_0000 - (0x1_0000_0000 % n);
    for (;;) {
      const u = this.nextWord();
      if (u < limit) return u % n;
    }
  }
}

/**
 * Orders ids by Unicode code point (the same order as their UTF-8 bytes, and as Python's
 * default string sort), not by UTF-16 code unit, so that other implementations agree.
 */
export function compareIds(a: string, b: string): number {
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done || y.done) return x.done ? (y.done ? 0 : -1) : 1;
    const cx = x.value.codePointAt(0)!;
    const cy = y.value.codePointAt(0)!;
    if (cx !== cy) return cx - cy;
  }
}
