/** A source of numbers uniform in [0, 1), like Math.random but reproducible. */
export type Random = () => number;

/**
 * mulberry32 (Tommy Ettinger, public domain): a 32-bit state advanced by a Weyl sequence and
 * mixed by multiply-xorshift, returning numbers uniform in [0, 1). Small, fast and the same on
 * every machine, so demo data, training orders and benchmark data come out identical from the
 * same seed. Not for secrets or draws: its 32-bit state is recoverable from its outputs (the
 * public draws use the SHA-256 stream of `draw/` instead).
 */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One element of a non-empty list, chosen by `random`. */
export const pick = <T>(random: Random, items: readonly T[]): T => {
  if (items.length === 0) throw new RangeError('pick needs at least one item');
  return items[Math.floor(random() * items.length)] as T;
};
