import { describe, expect, it } from 'vitest';
import { tierRulesSchema } from './scorecard-schema.js';
import { assignTier, hasProgressed, movementSince } from './scorecard-tiers.js';

const rules = tierRulesSchema.parse(undefined);

describe('assignTier with the default rules', () => {
  it('makes the top 20% advanced and the bottom 10% rectify', () => {
    const tiers = Array.from({ length: 10 }, (_, i) => assignTier(i + 1, 10, 95 - i, rules));
    expect(tiers).toEqual([
      'advanced',
      'advanced',
      'standard',
      'standard',
      'standard',
      'standard',
      'standard',
      'standard',
      'standard',
      'rectify',
    ]);
  });

  it('puts every unit scoring below 60 in rectify, even a top-ranked one', () => {
    expect(assignTier(1, 10, 59.9, rules)).toBe('rectify');
    expect(assignTier(5, 10, 60, rules)).toBe('standard');
  });

  it('has no advanced slot in a category of four', () => {
    expect(assignTier(1, 4, 99, rules)).toBe('standard');
  });

  it('follows changed rules', () => {
    const strict = { ...rules, advancedTopShare: 0.5, rectifyScoreBelow: 80 };
    expect(assignTier(2, 4, 90, strict)).toBe('advanced');
    expect(assignTier(1, 4, 79, strict)).toBe('rectify');
  });
});

describe('movement and progress', () => {
  it('marks a unit without a previous standing as a new entrant, never progressed', () => {
    const movement = movementSince(undefined, 1, 90, 'town');
    expect(movement).toEqual({
      newEntrant: true,
      previousRank: null,
      rankDelta: null,
      previousScore: null,
      scoreDelta: null,
    });
    expect(hasProgressed(movement, rules)).toBe(false);
  });

  it('flags a rise of 3 places or a gain of 5 points, not less', () => {
    const rose = movementSince({ rank: 8, score: 70, category: 'town' }, 5, 71, 'town');
    expect(rose.rankDelta).toBe(3);
    expect(hasProgressed(rose, rules)).toBe(true);
    expect(
      hasProgressed(movementSince({ rank: 8, score: 70, category: 'town' }, 6, 74.9, 'town'), rules),
    ).toBe(false);
    expect(hasProgressed(movementSince({ rank: 2, score: 60, category: 'town' }, 4, 65, 'town'), rules)).toBe(
      true,
    );
  });

  it('compares no ranks across categories', () => {
    const moved = movementSince({ rank: 9, score: 70, category: 'town' }, 1, 70, 'department');
    expect(moved.rankDelta).toBeNull();
    expect(hasProgressed(moved, rules)).toBe(false);
  });
});
