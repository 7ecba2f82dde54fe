import { describe, expect, it } from 'vitest';
import { catchUpIndex, gapClosingRate, unitScore } from './scorecard-rates.js';

const cap = { min: 0, max: 1.2 };

describe('gapClosingRate', () => {
  it('is (actual − base) / (target − base) for a higher-is-better plan', () => {
    expect(gapClosingRate(150, 100, 200, 1, cap)).toBe(0.5);
  });

  it('uses the same formula for a lower-is-better plan with target < base', () => {
    // Energy use from 100 down to 80; at 90 half the gap is closed.
    expect(gapClosingRate(90, 100, 80, -1, cap)).toBe(0.5);
    expect(gapClosingRate(105, 100, 80, -1, cap)).toBe(0);
  });

  it('clamps to the cap', () => {
    expect(gapClosingRate(500, 100, 200, 1, cap)).toBe(1.2);
    expect(gapClosingRate(50, 100, 200, 1, cap)).toBe(0);
    expect(gapClosingRate(500, 100, 200, 1, { min: -1, max: 2 })).toBe(2);
    expect(gapClosingRate(50, 100, 200, 1, { min: -1, max: 2 })).toBe(-0.5);
  });

  it('scores a plan without a gap (target == base) as met or not met', () => {
    expect(gapClosingRate(100, 100, 100, 1, cap)).toBe(1);
    expect(gapClosingRate(99, 100, 100, 1, cap)).toBe(0);
    expect(gapClosingRate(99, 100, 100, -1, cap)).toBe(1);
    expect(gapClosingRate(101, 100, 100, -1, cap)).toBe(0);
  });

  it('treats a tolerated decline (target worse than base) as a floor to hold', () => {
    expect(gapClosingRate(95, 100, 90, 1, cap)).toBe(1);
    expect(gapClosingRate(85, 100, 90, 1, cap)).toBe(0);
  });
});

describe('catchUpIndex', () => {
  it('is actual / benchmark when higher is better and benchmark / actual when lower is better', () => {
    expect(catchUpIndex(80, 100, 1, cap)).toBe(0.8);
    expect(catchUpIndex(125, 100, -1, cap)).toBe(0.8);
  });

  it('caps, and gives an actual of 0 on a lower-is-better indicator the cap', () => {
    expect(catchUpIndex(300, 100, 1, cap)).toBe(1.2);
    expect(catchUpIndex(0, 100, -1, cap)).toBe(1.2);
    expect(catchUpIndex(-5, 100, 1, cap)).toBe(0);
  });

  it('is null without a positive benchmark', () => {
    expect(catchUpIndex(5, 0, 1, cap)).toBeNull();
    expect(catchUpIndex(5, -2, -1, cap)).toBeNull();
  });
});

describe('unitScore', () => {
  it('is 100 × the weighted mean completion, kept within 0..100', () => {
    expect(unitScore(1.5, 2)).toBe(75);
    expect(unitScore(2.4, 2)).toBe(100);
    expect(unitScore(-1, 2)).toBe(0);
    expect(unitScore(0, 0)).toBe(0);
  });
});
