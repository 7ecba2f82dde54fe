import fc from 'fast-check';

import { describe, expect, it } from 'vitest';
import { meanProgress, projectProgress, rollUp } from './index.js';

const weight = fc.oneof(
  fc.double({ min: Number.MIN_VALUE, max: 1e6, noNaN: true }),
  fc.integer({ min: 1, max: 10 }),
);
const done = fc.oneof(fc.constantFrom(0, 1), fc.double({ min: 0, max: 1, noNaN: true }));
const milestone = fc.record({ weight, done });

/** A few lists, projects on them, milestones of the projects. */
const ledger = fc
  .record({
    lists: fc.integer({ min: 1, max: 4 }),
    projects: fc.array(fc.record({ list: fc.nat(), milestones: fc.array(milestone, { maxLength: 25 }) }), {
      maxLength: 40,
    }),
  })
  .map(({ lists, projects }) => {
    const listIds = Array.from({ length: lists }, (_, i) => `L${i}`);
    const ps = projects.map((p, i) => ({
      id: `P${i}`,
      listId: listIds[p.list % lists]!,
      milestones: p.milestones,
    }));
    return {
      listIds,
      projects: ps.map(({ id, listId }) => ({ id, listId })),
      milestones: ps.flatMap((p) => p.milestones.map((m) => ({ projectId: p.id, ...m }))),
      byProject: ps,
    };
  });

describe('progress properties', () => {
  it('a project lies in 0..1 and equals the formula', () => {
    fc.assert(
      fc.property(fc.array(milestone, { maxLength: 50 }), (ms) => {
        const p = projectProgress(ms);
        expect(p >= 0 && p <= 1).toBe(true);
        // The formula on weights relative to the largest, which is the same quotient and keeps
        // a tiny weight's share from underflowing (5e-324 × 5e-13 is 0 in floating point).
        const largest = Math.max(0, ...ms.map((m) => m.weight));
        const w = ms.map((m) => m.weight / largest);
        const total = w.reduce((s, x) => s + x, 0);
        const expected = total > 0 ? ms.reduce((s, m, i) => s + w[i]! * m.done, 0) / total : 0;
        expect(p).toBeCloseTo(expected, 12);
      }),
    );
  });

  it('is 1 exactly when all is done, 0 when nothing is, and scaling the weights changes nothing', () => {
    fc.assert(
      fc.property(
        fc.array(milestone, { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 1000 }),
        (ms, k) => {
          expect(projectProgress(ms.map((m) => ({ ...m, done: 1 })))).toBe(1);
          expect(projectProgress(ms.map((m) => ({ ...m, done: 0 })))).toBe(0);
          const scaled = ms.map((m) => ({ ...m, weight: m.weight * k }));
          if (scaled.every((m) => Number.isFinite(m.weight)))
            expect(projectProgress(scaled)).toBeCloseTo(projectProgress(ms), 9);
        },
      ),
    );
  });

  it('finishing a milestone never lowers a project', () => {
    fc.assert(
      fc.property(fc.array(milestone, { minLength: 1, maxLength: 30 }), fc.nat(), (ms, i) => {
        const k = i % ms.length;
        const finished = ms.map((m, j) => (j === k ? { ...m, done: 1 } : m));
        expect(projectProgress(finished)).toBeGreaterThanOrEqual(projectProgress(ms) - 1e-12);
      }),
    );
  });

  it('the roll-up gives each project its own progress and each list the mean of its projects', () => {
    fc.assert(
      fc.property(ledger, (l) => {
        const result = rollUp(l);
        for (const p of l.byProject) expect(result.projects.get(p.id)).toBe(projectProgress(p.milestones));
        expect([...result.lists.keys()]).toEqual(l.listIds);
        for (const id of l.listIds) {
          const mine = l.byProject.filter((p) => p.listId === id).map((p) => projectProgress(p.milestones));
          const list = result.lists.get(id)!;
          expect(list.projects).toBe(mine.length);
          expect(list.progress).toBe(meanProgress(mine));
          expect(list.progress >= 0 && list.progress <= 1).toBe(true);
          if (mine.length) {
            expect(list.progress).toBeGreaterThanOrEqual(Math.min(...mine) - 1e-12);
            expect(list.progress).toBeLessThanOrEqual(Math.max(...mine) + 1e-12);
          }
        }
      }),
    );
  });

  it('the order of the milestones does not matter beyond rounding', () => {
    fc.assert(
      fc.property(fc.array(milestone, { maxLength: 30 }), (ms) => {
        expect(projectProgress([...ms].reverse())).toBeCloseTo(projectProgress(ms), 12);
      }),
    );
  });
});
