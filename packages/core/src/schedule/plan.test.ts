import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PlanError, type PlanInput, planInspections, validatePlan } from './index.js';

const base: PlanInput = {
  period: { start: '2025-03-01', end: '2025-03-31' },
  tasks: [
    { id: 'T1', department: 'D1', firm: 'F1', items: ['消防通道'], qualifications: ['fire'], hours: 1.5 },
    { id: 'T2', department: 'D2', firm: 'F1', items: ['食品留样'], qualifications: ['food'], hours: 2 },
    { id: 'T3', department: 'D1', firm: 'F1', items: ['灭火器'], hours: 2.5 },
    { id: 'T4', department: 'D2', firm: 'F2', items: ['证照'], hours: 1 },
  ],
  inspectors: [
    { id: 'I1', department: 'D1', qualifications: ['fire'], capacityPerDay: 2, unavailable: ['2025-03-03'] },
    { id: 'I2', department: 'D1', qualifications: [], capacityPerDay: 2 },
    { id: 'I3', department: 'D2', qualifications: ['food'], capacityPerDay: 2 },
    { id: 'I4', department: 'D2', qualifications: [], capacityPerDay: 2 },
  ],
  firms: [{ id: 'F1', blocked: ['2025-03-04'] }],
  exclusions: [{ inspector: 'I4', firm: 'F2' }],
  maxHoursPerVisit: 4,
  inspectorsPerVisit: 2,
};

describe('planInspections', () => {
  it('merges a firm’s tasks into joint visits within each department’s hours', () => {
    const plan = planInspections(base);
    expect(validatePlan(base, plan)).toEqual({ ok: true, errors: [] });
    expect(plan.unscheduled).toEqual([]);
    // F1: D1 has 4 h (T1 + T3 = 4 h fits), D2 has 2 h: one visit. F2: one visit.
    expect(plan.visits).toHaveLength(2);
    const f1 = plan.visits.find((v) => v.firm === 'F1')!;
    expect(f1.tasks).toEqual(['T1', 'T2', 'T3']);
    expect(f1.hours).toEqual({ D1: 4, D2: 2 });
    expect(f1.items).toEqual(['消防通道', '食品留样', '灭火器']);
    expect(f1.inspectors).toEqual(['I1', 'I3']); // fire and food between them
    expect(f1.date).not.toBe('2025-03-03'); // I1 is away
    expect(f1.date).not.toBe('2025-03-04'); // blocked by the firm
    const f2 = plan.visits.find((v) => v.firm === 'F2')!;
    expect(f2.inspectors).toContain('I3');
    expect(f2.inspectors).not.toContain('I4');
    expect(plan.summary).toMatchObject({
      tasks: 4,
      scheduledTasks: 4,
      visits: 2,
      lowerBound: 2,
      separateVisits: 4,
    });
  });

  it('splits a department’s work over visits when it passes maxHoursPerVisit', () => {
    const input = { ...base, maxHoursPerVisit: 3 };
    const plan = planInspections(input);
    expect(validatePlan(input, plan).errors).toEqual([]);
    expect(plan.visits.filter((v) => v.firm === 'F1')).toHaveLength(2);
  });

  it('explains the tasks it cannot book', () => {
    const input: PlanInput = {
      ...base,
      tasks: [
        ...base.tasks,
        { id: 'T5', department: 'D1', firm: 'F3', hours: 5 },
        { id: 'T6', department: 'D9', firm: 'F3', hours: 1 },
        { id: 'T7', department: 'D1', firm: 'F3', qualifications: ['drug'], hours: 1 },
        { id: 'T8', department: 'D1', firm: 'F4', hours: 1 },
      ],
      firms: [...base.firms!, { id: 'F4', blocked: ['2025-03-03', '2025-03-04'] }],
      period: { start: '2025-03-01', end: '2025-03-04' },
    };
    const plan = planInspections(input);
    expect(validatePlan(input, plan).errors).toEqual([]);
    const codes = Object.fromEntries(plan.unscheduled.map((u) => [u.task, u.code]));
    expect(codes).toMatchObject({
      T5: 'too_long',
      T6: 'no_inspector',
      T7: 'no_qualified_inspector',
      T8: 'no_working_day',
    });
  });

  it('leaves out what capacity cannot take, and says so', () => {
    const tasks = Array.from({ length: 6 }, (_, i) => ({
      id: `T${i}`,
      department: 'D1',
      firm: `F${i}`,
      hours: 1,
    }));
    const input: PlanInput = {
      ...base,
      period: { start: '2025-03-03', end: '2025-03-04' },
      tasks,
      firms: [],
      inspectors: [
        { id: 'I1', department: 'D1', capacityPerDay: 1 },
        { id: 'I2', department: 'D1', capacityPerDay: 1 },
      ],
      exclusions: [],
    };
    const plan = planInspections(input);
    expect(validatePlan(input, plan).errors).toEqual([]);
    expect(plan.visits).toHaveLength(2);
    expect(plan.unscheduled).toHaveLength(4);
    expect(plan.unscheduled[0]?.reason).toMatch(/^capacity: no inspector of department D1 is free/);
    const crowd = planInspections({ ...input, inspectorsPerVisit: 3 });
    expect(crowd.visits).toEqual([]);
    expect(crowd.unscheduled[0]?.reason).toMatch(/fewer than 3 inspectors are free/);
  });

  it('gives the same plan for the same input in any order', () => {
    const shuffled = {
      ...base,
      tasks: [...base.tasks].reverse(),
      inspectors: [...base.inspectors].reverse(),
    };
    expect(planInspections(shuffled)).toEqual(planInspections(base));
  });

  it('refuses a period in a year without calendar data', () => {
    expect(() => planInspections({ ...base, period: { start: '2027-03-01', end: '2027-03-31' } })).toThrow(
      PlanError,
    );
  });
});

describe('validatePlan', () => {
  it('finds every broken rule', () => {
    const plan = planInspections(base);
    const bad = structuredClone(plan);
    const f1 = bad.visits.find((v) => v.firm === 'F1')!;
    f1.date = '2025-03-08'; // Saturday
    f1.inspectors = ['I2'];
    bad.visits.push({ ...bad.visits.find((v) => v.firm === 'F2')!, inspectors: ['I4', 'I4'] });
    bad.unscheduled.push({ task: 'T9', code: 'capacity', reason: 'x' });
    const errors = validatePlan(base, bad).errors.join('\n');
    expect(errors).toMatch(/not a working day/);
    expect(errors).toMatch(/1 inspectors, fewer than 2/);
    expect(errors).toMatch(/no inspector of department D2/);
    expect(errors).toMatch(/nobody in the team holds fire/);
    expect(errors).toMatch(/task T4 is also in/);
    expect(errors).toMatch(/listed twice/);
    expect(errors).toMatch(/inspector I4 is excluded for firm F2/);
    expect(errors).toMatch(/unknown task T9/);
    expect(validatePlan(base, { visits: [], unscheduled: [] }).errors).toHaveLength(4);
  });
});

const planArb = fc
  .record({
    days: fc.integer({ min: 1, max: 12 }),
    firms: fc.integer({ min: 1, max: 12 }),
    departments: fc.integer({ min: 1, max: 4 }),
    tasks: fc.array(
      fc.record({
        firm: fc.nat(11),
        department: fc.nat(3),
        hours: fc.constantFrom(0.5, 1, 1.5, 2, 3, 4.5),
        qual: fc.constantFrom('', 'a', 'b'),
      }),
      { maxLength: 40 },
    ),
    inspectors: fc.array(
      fc.record({
        department: fc.nat(3),
        quals: fc.subarray(['a', 'b']),
        cap: fc.integer({ min: 0, max: 3 }),
        away: fc.array(fc.nat(11), { maxLength: 3 }),
      }),
      { minLength: 1, maxLength: 10 },
    ),
    blocked: fc.array(fc.tuple(fc.nat(11), fc.nat(11)), { maxLength: 10 }),
    exclusions: fc.array(fc.tuple(fc.nat(9), fc.nat(11)), { maxLength: 10 }),
    maxHours: fc.constantFrom(2, 3, 4),
    perVisit: fc.integer({ min: 1, max: 3 }),
  })
  .map((r): PlanInput => {
    const dates = Array.from({ length: 12 }, (_, i) => `2025-03-${String(i + 1).padStart(2, '0')}`);
    return {
      period: { start: '2025-03-01', end: dates[r.days - 1]! },
      tasks: r.tasks.map((t, i) => ({
        id: `T${i}`,
        department: `D${t.department % r.departments}`,
        firm: `F${t.firm % r.firms}`,
        hours: t.hours,
        qualifications: t.qual ? [t.qual] : [],
      })),
      inspectors: r.inspectors.map((p, i) => ({
        id: `I${i}`,
        department: `D${p.department % r.departments}`,
        qualifications: p.quals,
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
      maxHoursPerVisit: r.maxHours,
      inspectorsPerVisit: r.perVisit,
    };
  });

describe('planner properties', () => {
  it('never breaks a rule on random inputs, and is deterministic', () => {
    fc.assert(
      fc.property(planArb, (input) => {
        const plan = planInspections(input);
        expect(validatePlan(input, plan).errors).toEqual([]);
        if (plan.unscheduled.length === 0)
          expect(plan.visits.length).toBeGreaterThanOrEqual(plan.summary.lowerBound);
        expect(planInspections(structuredClone(input))).toEqual(plan);
      }),
      { numRuns: 400 },
    );
  });

  it('books every task that fits in a visit when capacity is ample, one visit per firm where hours allow', () => {
    fc.assert(
      fc.property(planArb, (raw) => {
        const input: PlanInput = {
          ...raw,
          period: { start: '2025-03-01', end: '2025-03-31' },
          inspectors: ['D0', 'D1', 'D2', 'D3'].flatMap((d) =>
            [0, 1, 2].map((i) => ({
              id: `${d}-${i}`,
              department: d,
              qualifications: ['a', 'b'],
              capacityPerDay: 20,
            })),
          ),
          firms: [],
          exclusions: [],
        };
        const plan = planInspections(input);
        expect(validatePlan(input, plan).errors).toEqual([]);
        expect(plan.unscheduled.every((u) => u.code === 'too_long')).toBe(true);
        const perFirm = new Map<string, number>();
        for (const v of plan.visits) perFirm.set(v.firm, (perFirm.get(v.firm) ?? 0) + 1);
        for (const [firm, n] of perFirm) {
          const tasks = input.tasks.filter((t) => t.firm === firm && t.hours <= input.maxHoursPerVisit);
          const fitsOnce = new Set(tasks.map((t) => t.department)).size === tasks.length;
          if (fitsOnce) expect(n).toBe(1);
        }
      }),
      { numRuns: 200 },
    );
  });
});
