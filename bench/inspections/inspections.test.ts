import { planInspections, validatePlan } from '@qianxing/core/schedule';
import { describe, expect, it } from 'vitest';
import { generateInspections } from './generate.js';
import { planGreedy } from './greedy.js';

describe('inspection benchmark parts', () => {
  const input = generateInspections({ seed: 7, firms: 100, tasks: 300, inspectorsPerDepartment: 2 });

  it('generates the same data from the same seed', () => {
    expect(generateInspections({ seed: 7, firms: 100, tasks: 300, inspectorsPerDepartment: 2 })).toEqual(
      input,
    );
    expect(generateInspections({ seed: 8, firms: 100, tasks: 300, inspectorsPerDepartment: 2 })).not.toEqual(
      input,
    );
  });

  it('the plain greedy makes valid plans, and the planner leaves no more out', () => {
    const greedy = planGreedy(input);
    expect(validatePlan(input, greedy).errors).toEqual([]);
    const plan = planInspections(input);
    expect(validatePlan(input, plan).errors).toEqual([]);
    expect(plan.unscheduled.length).toBeLessThanOrEqual(greedy.unscheduled.length);
  });
});
