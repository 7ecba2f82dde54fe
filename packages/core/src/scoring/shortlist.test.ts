import { describe, expect, it } from 'vitest';
import { proposeShortlist, type ShortlistCandidate } from './shortlist.js';

const c = (id: string, domain: string, group: string, groupHeat: number, supports = 0, createdAt = 0) =>
  ({ id, domain, group, groupHeat, supports, createdAt }) satisfies ShortlistCandidate;

describe('shortlist proposal', () => {
  it('keeps one per near-duplicate group, the most supported, and names it for the others', () => {
    const out = proposeShortlist([c('a', 'transport', 'g1', 3, 2), c('b', 'transport', 'g1', 3, 9)], {
      perDomain: 5,
    });
    expect(out.find((e) => e.id === 'b')).toEqual({
      id: 'b',
      reason: 'proposed',
      rank: 1,
      representative: null,
    });
    expect(out.find((e) => e.id === 'a')).toEqual({
      id: 'a',
      reason: 'same_group',
      rank: null,
      representative: 'b',
    });
  });

  it('takes the hottest groups up to each domain’s quota', () => {
    const out = proposeShortlist(
      [
        c('t1', 'transport', 't1', 1),
        c('t2', 'transport', 't2', 5),
        c('t3', 'transport', 't3', 3),
        c('e1', 'education', 'e1', 0.5),
        c('e2', 'education', 'e2', 0.7),
      ],
      { perDomain: 2, byDomain: { education: 1 } },
    );
    const proposed = out.filter((e) => e.reason === 'proposed').map((e) => e.id);
    expect(proposed.sort()).toEqual(['e2', 't2', 't3']);
    expect(out.find((e) => e.id === 't1')).toMatchObject({ reason: 'over_quota', rank: 3 });
    expect(out).toHaveLength(5);
  });

  it('breaks equal heat by supports, then the earlier, then id', () => {
    const out = proposeShortlist(
      [c('x', 'd', 'x', 1, 1, 20), c('y', 'd', 'y', 1, 1, 10), c('z', 'd', 'z', 1, 4, 30)],
      { perDomain: 1 },
    );
    expect(out.filter((e) => e.reason === 'proposed').map((e) => e.id)).toEqual(['z']);
    expect(out.find((e) => e.id === 'y')!.rank).toBe(2);
  });

  it('proposes nothing with a zero quota', () => {
    expect(proposeShortlist([c('a', 'd', 'a', 1)], { perDomain: 0 })[0]!.reason).toBe('over_quota');
  });
});
