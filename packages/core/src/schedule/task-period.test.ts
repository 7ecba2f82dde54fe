import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type PlanInput, planInspections, validatePlan } from './index.js';

/** March 2025: the plan's period; tasks may be due over part of it only. */
const base: PlanInput = {
  period: { start: '2025-03-01', end: '2025-03-31' },
  tasks: [],
  inspectors: [
    { id: 'I1', department: 'D1', capacityPerDay: 2 },
    { id: 'I2', department: 'D1', capacityPerDay: 2 },
    { id: 'I3', department: 'D2', capacityPerDay: 2 },
    { id: 'I4', department: 'D2', capacityPerDay: 2 },
  ],
  maxHoursPerVisit: 4,
  inspectorsPerVisit: 2,
};

describe('a task due over part of the plan’s period', () => {
  it('is booked on a day of both periods', () => {
    const input: PlanInput = {
      ...base,
      tasks: [
        // Due from February to mid-March, and from late March into April.
        {
          id: 'T1',
          department: 'D1',
          firm: 'F1',
          hours: 1,
          period: { start: '2025-02-01', end: '2025-03-12' },
        },
        {
          id: 'T2',
          department: 'D2',
          firm: 'F2',
          hours: 1,
          period: { start: '2025-03-24', end: '2025-04-30' },
        },
      ],
    };
    const plan = planInspections(input);
    expect(validatePlan(input, plan)).toEqual({ ok: true, errors: [] });
    expect(plan.unscheduled).toEqual([]);
    const date = (task: string) => plan.visits.find((v) => v.tasks.includes(task))!.date;
    expect(date('T1') >= '2025-03-01' && date('T1') <= '2025-03-12').toBe(true);
    expect(date('T2') >= '2025-03-24' && date('T2') <= '2025-03-31').toBe(true);
  });

  it('merges a firm’s tasks whose periods share days into one visit on a shared day', () => {
    const input: PlanInput = {
      ...base,
      tasks: [
        {
          id: 'T1',
          department: 'D1',
          firm: 'F1',
          hours: 1,
          period: { start: '2025-03-01', end: '2025-03-20' },
        },
        {
          id: 'T2',
          department: 'D2',
          firm: 'F1',
          hours: 1,
          period: { start: '2025-03-17', end: '2025-04-30' },
        },
        { id: 'T3', department: 'D1', firm: 'F1', hours: 1 },
      ],
    };
    const plan = planInspections(input);
    expect(validatePlan(input, plan).errors).toEqual([]);
    expect(plan.visits).toHaveLength(1);
    expect(plan.visits[0]!.tasks).toEqual(['T1', 'T2', 'T3']);
    expect(plan.visits[0]!.date >= '2025-03-17' && plan.visits[0]!.date <= '2025-03-20').toBe(true);
  });

  it('visits a firm twice when its tasks’ periods share no day', () => {
    const input: PlanInput = {
      ...base,
      tasks: [
        {
          id: 'T1',
          department: 'D1',
          firm: 'F1',
          hours: 1,
          period: { start: '2025-03-01', end: '2025-03-07' },
        },
        {
          id: 'T2',
          department: 'D1',
          firm: 'F1',
          hours: 1,
          period: { start: '2025-03-24', end: '2025-03-31' },
        },
        {
          id: 'T3',
          department: 'D2',
          firm: 'F1',
          hours: 1,
          period: { start: '2025-03-25', end: '2025-03-31' },
        },
      ],
    };
    const plan = planInspections(input);
    expect(validatePlan(input, plan).errors).toEqual([]);
    expect(plan.visits.map((v) => v.tasks)).toEqual([['T1'], ['T2', 'T3']]);
    // Two visits are the fewest: no day meets both T1's week and T2's, however few their hours.
    expect(plan.summary.lowerBound).toBe(2);
  });

  it('is left unplanned when the firm has no open working day in both periods', () => {
    const input: PlanInput = {
      ...base,
      tasks: [
        {
          id: 'T1',
          department: 'D1',
          firm: 'F1',
          hours: 1,
          period: { start: '2025-02-15', end: '2025-03-02' },
        },
        {
          id: 'T2',
          department: 'D1',
          firm: 'F2',
          hours: 1,
          period: { start: '2025-03-24', end: '2025-03-25' },
        },
        {
          id: 'T3',
          department: 'D1',
          firm: 'F3',
          hours: 1,
          team: ['I1'],
          period: { start: '2025-03-24', end: '2025-03-24' },
        },
      ],
      firms: [
        { id: 'F2', blocked: ['2025-03-24', '2025-03-25'] },
        { id: 'F3', blocked: ['2025-03-24'] },
      ],
    };
    const plan = planInspections(input);
    expect(validatePlan(input, plan).errors).toEqual([]);
    expect(plan.visits).toEqual([]);
    expect(plan.unscheduled.map((u) => [u.task, u.code])).toEqual([
      ['T1', 'no_working_day'], // 1 and 2 March are a weekend
      ['T2', 'no_working_day'],
      ['T3', 'no_working_day'],
    ]);
    expect(plan.unscheduled[0]!.reason).toContain('2025-02-15–2025-03-02');
  });

  it('a drawn team goes on a day of the task’s period', () => {
    const input: PlanInput = {
      ...base,
      tasks: [
        {
          id: 'T1',
          department: 'D1',
          firm: 'F1',
          hours: 1,
          team: ['I1'],
          period: { start: '2025-03-18', end: '2025-03-19' },
        },
        { id: 'T2', department: 'D2', firm: 'F1', hours: 1, team: ['I3'] },
      ],
      inspectors: base.inspectors.map((p) => (p.id === 'I1' ? { ...p, unavailable: ['2025-03-18'] } : p)),
    };
    const plan = planInspections(input);
    expect(validatePlan(input, plan).errors).toEqual([]);
    expect(plan.visits).toMatchObject([
      { date: '2025-03-19', tasks: ['T1', 'T2'], inspectors: ['I1', 'I3'] },
    ]);
  });

  it('validatePlan refuses a visit outside a task’s period', () => {
    const input: PlanInput = {
      ...base,
      tasks: [
        {
          id: 'T1',
          department: 'D1',
          firm: 'F1',
          hours: 1,
          period: { start: '2025-03-10', end: '2025-03-14' },
        },
      ],
    };
    const plan = {
      visits: [{ firm: 'F1', date: '2025-03-03', tasks: ['T1'], inspectors: ['I1', 'I2'] }],
      unscheduled: [],
    };
    expect(validatePlan(input, plan).errors).toEqual([
      'visits[0] (firm F1, 2025-03-03): task T1 is due 2025-03-10 to 2025-03-14',
    ]);
  });

  it('always books every task on a valid day, the same plan in any order', () => {
    const day = fc.integer({ min: 1, max: 31 }).map((d) => `2025-03-${String(d).padStart(2, '0')}`);
    const task = fc.record({
      department: fc.constantFrom('D1', 'D2'),
      firm: fc.constantFrom('F1', 'F2', 'F3'),
      hours: fc.constantFrom(0.5, 1, 2, 3),
      days: fc.option(fc.tuple(day, day), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(task, { minLength: 1, maxLength: 12 }), (raw) => {
        const tasks = raw.map((t, i) => ({
          id: `T${String(i).padStart(2, '0')}`,
          department: t.department,
          firm: t.firm,
          hours: t.hours,
          ...(t.days ? { period: { start: [...t.days].sort()[0]!, end: [...t.days].sort()[1]! } } : {}),
        }));
        const input: PlanInput = { ...base, tasks };
        const plan = planInspections(input);
        expect(validatePlan(input, plan).errors).toEqual([]);
        // Capacity is ample: only a task without a working day in its period is left out.
        for (const u of plan.unscheduled) expect(u.code).toBe('no_working_day');
        // The bound, periods counted, is one no plan beats, and this one never goes below it.
        expect(plan.visits.length).toBeGreaterThanOrEqual(plan.summary.lowerBound);
        expect(planInspections({ ...input, tasks: [...tasks].reverse() })).toEqual(plan);
      }),
      { numRuns: 200, seed: 20250301 },
    );
  });
});
