import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignReviewers } from './review-assign.js';

const expertIds = ['e0', 'e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7'];

/** Experts with starting loads, items with exclusions among them and needs, and a cap. */
const scenario = fc
  .integer({ min: 1, max: expertIds.length })
  .chain((n) =>
    fc.record({
      experts: fc.tuple(
        ...expertIds.slice(0, n).map((id) => fc.nat({ max: 6 }).map((load) => ({ id, load }))),
      ),
      items: fc.array(
        fc.record({
          excluded: fc.subarray(expertIds.slice(0, n)).map((xs) => new Set(xs)),
          need: fc.integer({ min: 0, max: 4 }),
        }),
        { maxLength: 40 },
      ),
      maxLoad: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
    }),
  )
  .map(({ experts, items, maxLoad }) => ({
    experts,
    items: items.map((item, i) => ({ id: `s${String(i).padStart(2, '0')}`, ...item })),
    maxLoad,
  }));

/** n experts with no reviews yet, and items excluding nobody, each needing at most n. */
const equalStart = (n: number, needs: number[]) => ({
  experts: expertIds.slice(0, n).map((id) => ({ id, load: 0 })),
  items: needs.map((need, i) => ({ id: `s${i}`, excluded: new Set<string>(), need: Math.min(need, n) })),
});

describe('reviewer assignment properties', () => {
  it('never exceeds the cap, never assigns an excluded expert or a pair twice, and accounts for every need', () => {
    fc.assert(
      fc.property(scenario, ({ experts, items, maxLoad }) => {
        const { assignments, short } = assignReviewers(items, experts, { maxLoad });
        const load = new Map(experts.map((e) => [e.id, e.load]));
        for (const a of assignments) load.set(a.expert, load.get(a.expert)! + 1);
        for (const e of experts) {
          // An expert already over a lowered cap gets nothing more.
          if (maxLoad !== undefined) expect(load.get(e.id)!).toBeLessThanOrEqual(Math.max(maxLoad, e.load));
        }
        const pairs = new Set(assignments.map((a) => `${a.item}|${a.expert}`));
        expect(pairs.size).toBe(assignments.length);
        for (const item of items) {
          const mine = assignments.filter((a) => a.item === item.id);
          for (const a of mine) expect(item.excluded.has(a.expert)).toBe(false);
          const missing = short.find((s) => s.item === item.id)?.missing ?? 0;
          expect(mine.length + missing).toBe(item.need);
          // Short only when every eligible expert under the cap was used.
          if (missing > 0) {
            const free = experts.filter(
              (e) =>
                !item.excluded.has(e.id) &&
                !mine.some((a) => a.expert === e.id) &&
                load.get(e.id)! < (maxLoad ?? Infinity),
            );
            expect(free).toEqual([]);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('keeps loads within one of each other when nothing is excluded and all start equal', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 60 }),
        (n, needs) => {
          const { experts, items } = equalStart(n, needs);
          const { assignments, short } = assignReviewers(items, experts);
          expect(short).toEqual([]);
          const loads = experts.map((e) => assignments.filter((a) => a.expert === e.id).length);
          expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('meets every need when the cap leaves room for it and nothing is excluded', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 60 }),
        (n, needs) => {
          const { experts, items } = equalStart(n, needs);
          const total = items.reduce((s, i) => s + i.need, 0);
          const maxLoad = Math.ceil(total / n);
          const { assignments, short } = assignReviewers(items, experts, { maxLoad });
          expect(short).toEqual([]);
          expect(assignments.length).toBe(total);
        },
      ),
      { numRuns: 500 },
    );
  });
});
