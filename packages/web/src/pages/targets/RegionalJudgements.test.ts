import { describe, expect, it } from 'vitest';
import { judgementsFor, judgementValue } from './RegionalJudgements';

describe('the judgements typed on the regional page', () => {
  it('reads whole numbers, decimals and fractions such as 1/3', () => {
    expect(judgementValue('3')).toBe(3);
    expect(judgementValue(' 0.5 ')).toBe(0.5);
    expect(judgementValue('1/3')).toBeCloseTo(1 / 3);
    expect(judgementValue('a')).toBeNull();
    expect(judgementValue('1/0')).toBeNull();
  });

  it('needs n·(n−1)/2 values on the 1/9–9 scale for AHP, and sends them once all are in', () => {
    expect(judgementsFor('ahp', 3, []).send).toBeUndefined();
    expect(judgementsFor('ahp', 3, ['3', '1/3'])).toMatchObject({ needed: 3, send: null });
    expect(judgementsFor('ahp', 3, ['3', '1/3', '12'])).toMatchObject({ bad: ['12'], send: null });
    expect(judgementsFor('ahp', 3, ['3', '1/9', '9']).send).toBe(`3,${1 / 9},9`);
  });

  it('needs one weight per indicator when weights are set by hand', () => {
    expect(judgementsFor('manual', 3, ['1', '2'])).toMatchObject({ needed: 3, send: null });
    expect(judgementsFor('manual', 3, ['1', '2', '0']).send).toBe('1,2,0');
  });

  it('takes a weight set by hand up to 1000, as the server does', () => {
    expect(judgementsFor('manual', 2, ['1', '1000']).send).toBe('1,1000');
    expect(judgementsFor('manual', 2, ['1', '1001'])).toMatchObject({ bad: ['1001'], send: null });
  });
});
