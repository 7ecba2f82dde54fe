import { describe, expect, it } from 'vitest';
import { seededRandom } from '../random/index.js';
import { fitComplementNb, fitMix, linearLogits, softmax } from './linear-fit.js';

const vec = (entries: Array<[number, number]>) => ({
  idx: Int32Array.from(entries.map(([i]) => i)),
  val: Float32Array.from(entries.map(([, v]) => v)),
});

describe('fitComplementNb', () => {
  it('scores a label high on the terms the other labels rarely use', () => {
    // Terms 0 and 1 belong to label 0, terms 2 and 3 to label 1; term 4 is everywhere.
    const X = [
      vec([
        [0, 0.7],
        [4, 0.7],
      ]),
      vec([
        [1, 0.7],
        [4, 0.7],
      ]),
      vec([
        [2, 0.7],
        [4, 0.7],
      ]),
      vec([
        [3, 0.7],
        [4, 0.7],
      ]),
    ];
    const { W, b } = fitComplementNb(X, [0, 0, 1, 1], 2, 5, 0.03);
    const z0 = linearLogits(W, b, vec([[0, 1]]));
    const z1 = linearLogits(W, b, vec([[3, 1]]));
    expect(z0[0]).toBeGreaterThan(z0[1]!);
    expect(z1[1]).toBeGreaterThan(z1[0]!);
    // The shared term tells the labels apart no more than it did before.
    const zs = linearLogits(W, b, vec([[4, 1]]));
    expect(zs[0]).toBeCloseTo(zs[1]!, 9);
  });
});

describe('fitMix', () => {
  it('gives a model of noise almost no share and recovers the scale of an informative one', () => {
    const rand = seededRandom(3);
    const heldOut = Array.from({ length: 300 }, (_, i) => {
      const y = i % 3;
      // Model 0: informative logits at a scale 4 times too small; model 1: noise of similar size.
      const informative = [0, 1, 2].map((c) => (c === y ? 0.5 : 0) + 0.2 * (rand() - 0.5));
      const noise = [0, 1, 2].map(() => 0.5 * (rand() - 0.5));
      return { z: [informative, noise], y };
    });
    const [a, b] = fitMix(heldOut, 2);
    expect(a!).toBeGreaterThan(3);
    expect(Math.abs(b!)).toBeLessThan(0.25 * a!);
    // Alone, the informative model gets about the same coefficient.
    const [alone] = fitMix(
      heldOut.map((h) => ({ z: [h.z[0]!], y: h.y })),
      1,
    );
    expect(alone!).toBeGreaterThan(3);
    expect(softmax([alone! * 0.5, 0, 0])[0]).toBeGreaterThan(0.5);
  });

  it('returns ones without held-out scores', () => {
    expect(fitMix([], 2)).toEqual([1, 1]);
  });
});
