import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type PlanInput, planInspections, validatePlan } from './index.js';

const dates = Array.from({ length: 12 }, (_, i) => `2025-03-${String(i + 1).padStart(2, '0')}`);

/** Inputs whose tasks carry drawn teams (双随机), some of them with a drawn inspector since gone. */
const drawnArb = fc
  .record({
    firms: fc.integer({ min: 1, max: 4 }),
    tasks: fc.array(
      fc.record({
        department: fc.nat(2),
        firm: fc.nat(3),
        hours: fc.constantFrom(0.5, 1, 1.5, 2),
        team: fc.uniqueArray(fc.nat(7), { minLength: 1, maxLength: 3 }),
      }),
      { minLength: 1, maxLength: 25 },
    ),
    inspectors: fc.array(
      fc.record({
        department: fc.nat(2),
        cap: fc.integer({ min: 0, max: 2 }),
        away: fc.array(fc.nat(11), { maxLength: 6 }),
      }),
      { minLength: 1, maxLength: 8 },
    ),
    blocked: fc.array(fc.tuple(fc.nat(3), fc.nat(11)), { maxLength: 6 }),
    exclusions: fc.array(fc.tuple(fc.nat(7), fc.nat(3)), { maxLength: 4 }),
    perVisit: fc.integer({ min: 1, max: 4 }),
  })
  .map(
    (r): PlanInput => ({
      period: { start: '2025-03-01', end: '2025-03-12' },
      tasks: r.tasks.map((t, i) => ({
        id: `T${String(i).padStart(2, '0')}`,
        department: `D${t.department}`,
        firm: `F${t.firm % r.firms}`,
        hours: t.hours,
        qualifications: ['never-held'],
        team: t.team.map((p) => `I${p}`),
      })),
      inspectors: r.inspectors.map((p, i) => ({
        id: `I${i}`,
        department: `D${p.department}`,
        capacityPerDay: p.cap,
        unavailable: p.away.map((d) => dates[d]!),
      })),
      firms: Array.from({ length: r.firms }, (_, f) => ({
        id: `F${f}`,
        blocked: r.blocked.filter(([ff]) => ff % r.firms === f).map(([, d]) => dates[d]!),
      })),
      exclusions: r.exclusions
        .filter(([i]) => i < r.inspectors.length)
        .map(([i, f]) => ({ inspector: `I${i}`, firm: `F${f % r.firms}` })),
      maxHoursPerVisit: 3,
      inspectorsPerVisit: r.perVisit,
    }),
  );

describe('planning with drawn teams', () => {
  it('staffs every visit with the union of its tasks’ drawn teams, and names who keeps a task out', () => {
    fc.assert(
      fc.property(drawnArb, (input) => {
        const plan = planInspections(input);
        expect(validatePlan(input, plan).errors).toEqual([]);
        const teamOf = new Map(input.tasks.map((t) => [t.id, t.team!]));
        for (const v of plan.visits) {
          const drawn = new Set(v.tasks.flatMap((t) => teamOf.get(t)!));
          expect([...v.inspectors].sort()).toEqual([...drawn].sort());
        }
        for (const u of plan.unscheduled) {
          expect(['too_long', 'no_working_day']).not.toContain(u.code);
          if (u.code !== 'no_working_day') {
            expect(u.inspectors?.length).toBeGreaterThan(0);
            for (const p of u.inspectors!) expect(teamOf.get(u.task)).toContain(p);
          }
        }
        expect(planInspections(structuredClone(input))).toEqual(plan);
      }),
      { numRuns: 300 },
    );
  });

  it('books a drawn team only on a day all of it works, never swapping in a free inspector', () => {
    const input: PlanInput = {
      period: { start: '2025-03-03', end: '2025-03-07' },
      tasks: [
        { id: 'A', department: 'D1', firm: 'F1', hours: 1, team: ['I1', 'I2'] },
        { id: 'B', department: 'D2', firm: 'F1', hours: 1, team: ['I3'] },
        { id: 'C', department: 'D1', firm: 'F2', hours: 1, team: ['I4'] },
      ],
      inspectors: [
        { id: 'I1', department: 'D1', unavailable: ['2025-03-03', '2025-03-04'] },
        { id: 'I2', department: 'D1', unavailable: ['2025-03-05'] },
        { id: 'I3', department: 'D2' },
        { id: 'I4', department: 'D1', capacityPerDay: 0 },
        { id: 'I5', department: 'D1' },
      ],
      maxHoursPerVisit: 4,
      inspectorsPerVisit: 3,
    };
    const plan = planInspections(input);
    expect(validatePlan(input, plan).errors).toEqual([]);
    expect(plan.visits).toHaveLength(1);
    expect(plan.visits[0]).toMatchObject({ firm: 'F1', tasks: ['A', 'B'], inspectors: ['I1', 'I2', 'I3'] });
    expect(['2025-03-06', '2025-03-07']).toContain(plan.visits[0]!.date);
    expect(plan.unscheduled).toEqual([
      expect.objectContaining({ task: 'C', code: 'drawn_team_unavailable', inspectors: ['I4'] }),
    ]);
  });

  it('refuses a plan that puts an undrawn inspector on a drawn visit', () => {
    const input: PlanInput = {
      period: { start: '2025-03-03', end: '2025-03-07' },
      tasks: [{ id: 'A', department: 'D1', firm: 'F1', hours: 1, team: ['I1'] }],
      inspectors: [
        { id: 'I1', department: 'D1' },
        { id: 'I2', department: 'D1' },
      ],
      maxHoursPerVisit: 4,
    };
    const swapped = {
      visits: [{ firm: 'F1', date: '2025-03-03', tasks: ['A'], inspectors: ['I2'] }],
      unscheduled: [],
    };
    expect(validatePlan(input, swapped).errors).toEqual([
      'visits[0] (firm F1, 2025-03-03): inspector I1 drawn for task A is not in the team',
      'visits[0] (firm F1, 2025-03-03): inspector I2 was not drawn for any of its tasks',
    ]);
  });
});
