import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type LiaisonCadre, type LiaisonFirm, proposeLiaison, visitDue } from './liaison.js';

const firm = fc.record({
  name: fc.constantFrom('甲', '乙', '丙', '丁', 'A'),
  townId: fc.constantFrom('t1', 't2', 't3', 't4'),
  industryCode: fc.constantFrom('C', 'F', 'I'),
});
const firms = fc
  .array(firm, { maxLength: 80 })
  .map((fs): LiaisonFirm[] => fs.map((f, i) => ({ ...f, id: `f${i}` })));
const cadres = fc
  .array(
    fc.record({ name: fc.constantFrom('王', '李', '张'), homeTownIds: fc.subarray(['t1', 't2', 't3']) }),
    {
      minLength: 1,
      maxLength: 12,
    },
  )
  .map((cs): LiaisonCadre[] => cs.map((c, i) => ({ ...c, id: `c${i}` })));

const shuffle = <T>(xs: readonly T[], seed: number): T[] =>
  xs
    .map((x, i) => ({ x, k: (i * 2654435761 + seed) % 4294967296 }))
    .sort((a, b) => a.k - b.k)
    .map((e) => e.x);

describe('proposeLiaison', () => {
  it('pairs every firm once, keeps what exists, and balances loads within one', () => {
    fc.assert(
      fc.property(firms, cadres, fc.nat(), (fs, cs, cut) => {
        const fresh = proposeLiaison(fs, cs, []);
        expect(fresh.pairs.map((p) => p.firmId).sort()).toEqual(fs.map((f) => f.id).sort());
        const loads = Object.values(fresh.loads);
        expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
        expect(loads.reduce((a, b) => a + b, 0)).toBe(fs.length);

        // Keeping a part of it and proposing again keeps that part word for word.
        const kept = fresh.pairs.slice(0, cut % (fresh.pairs.length + 1));
        const again = proposeLiaison(fs, cs, kept);
        expect(again.pairs.slice(0, kept.length)).toEqual(kept);
        expect(new Set(again.pairs.map((p) => p.firmId)).size).toBe(fs.length);
      }),
    );
  });

  it('depends on what the inputs hold, not on their order', () => {
    fc.assert(
      fc.property(firms, cadres, fc.nat(), (fs, cs, seed) => {
        const a = proposeLiaison(fs, cs, []);
        const b = proposeLiaison(shuffle(fs, seed), shuffle(cs, seed + 1), []);
        const sorted = (ps: typeof a.pairs) =>
          [...ps].sort((x, y) => (x.firmId < y.firmId ? -1 : 1)).map((p) => `${p.firmId}:${p.cadreId}`);
        expect(sorted(b.pairs)).toEqual(sorted(a.pairs));
      }),
    );
  });

  it('keeps a cadre to their own town and its trades where the loads allow', () => {
    const fs: LiaisonFirm[] = [
      { id: 'a', name: '甲', townId: 'north', industryCode: 'C' },
      { id: 'b', name: '乙', townId: 'south', industryCode: 'C' },
      { id: 'c', name: '丙', townId: 'north', industryCode: 'C' },
      { id: 'd', name: '丁', townId: 'south', industryCode: 'I' },
    ];
    const cs: LiaisonCadre[] = [
      { id: 'x', name: '王', homeTownIds: ['south'] },
      { id: 'y', name: '李' },
    ];
    const { pairs, loads } = proposeLiaison(fs, cs, []);
    expect(Object.fromEntries(pairs.map((p) => [p.firmId, p.cadreId]))).toEqual({
      a: 'y',
      c: 'y',
      b: 'x',
      d: 'x',
    });
    expect(loads).toEqual({ x: 2, y: 2 });
  });

  it('proposes nothing without cadres', () => {
    expect(proposeLiaison([{ id: 'a', name: '甲', townId: 't', industryCode: 'C' }], [], [])).toEqual({
      pairs: [],
      loads: {},
    });
  });
});

describe('visitDue', () => {
  it('counts from the last visit, or from the pairing when there was none since', () => {
    expect(visitDue(null, '2026-01-01', '2026-03-01', 90, 14)).toEqual({
      dueOn: '2026-04-01',
      state: 'ok',
      daysOverdue: 0,
    });
    expect(visitDue('2026-01-10', '2026-01-01', '2026-04-01', 90, 14).state).toBe('dueSoon');
    expect(visitDue('2025-12-01', '2026-01-01', '2026-04-03', 90, 14)).toEqual({
      dueOn: '2026-04-01',
      state: 'overdue',
      daysOverdue: 2,
    });
  });
});
