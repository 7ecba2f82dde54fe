import { describe, expect, it } from 'vitest';
import { competitionRank } from './rank.js';

describe('competitionRank', () => {
  it('ranks the highest value first', () => {
    expect(competitionRank([0.2, 0.9, 0.5])).toEqual([3, 1, 2]);
  });

  it('gives tied values the better rank and skips the places they take ("1224")', () => {
    expect(competitionRank([90, 80, 80, 70])).toEqual([1, 2, 2, 4]);
    expect(competitionRank([5, 5, 5])).toEqual([1, 1, 1]);
  });

  it('treats values that differ only by rounding as tied', () => {
    expect(competitionRank([0.1 + 0.2, 0.3, 0.1])).toEqual([1, 1, 3]);
  });

  it('ranks an empty list as empty', () => {
    expect(competitionRank([])).toEqual([]);
  });
});
