import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type PlanInput, validatePlan } from '@qianxing/core/schedule';
import { tempFolders } from '@qianxing/server/test-support/temp-folders';
import { describe, expect, it } from 'vitest';
import { runCli } from '../test-support/run-cli.js';

const dir = tempFolders('qianxing-plan-')();
const write = (name: string, value: unknown): string => {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(value));
  return file;
};

const input: PlanInput = {
  period: { start: '2025-03-01', end: '2025-03-31' },
  tasks: [
    { id: 'T1', department: 'D1', firm: 'F1', items: ['消防设施'], qualifications: ['fire'], hours: 1.5 },
    { id: 'T7', department: 'D2', firm: 'F1', items: ['食品安全'], hours: 2 },
    { id: 'T9', department: 'D1', firm: 'F2', items: ['消防设施'], hours: 6 },
  ],
  inspectors: [
    { id: 'I1', department: 'D1', qualifications: ['fire'], capacityPerDay: 2, unavailable: ['2025-03-05'] },
    { id: 'I4', department: 'D2', qualifications: [], capacityPerDay: 2, unavailable: [] },
  ],
  firms: [{ id: 'F1', blocked: ['2025-03-03'] }],
  exclusions: [],
  maxHoursPerVisit: 4,
  inspectorsPerVisit: 2,
};

describe('qianxing plan-inspections', () => {
  it('prints joint visits and the unscheduled tasks with reasons', () => {
    const r = runCli(['plan-inspections', '--input', write('plan.json', input)]);
    expect(r.status).toBe(0);
    const plan = JSON.parse(r.stdout);
    expect(validatePlan(input, plan)).toEqual({ ok: true, errors: [] });
    expect(plan.visits).toEqual([
      expect.objectContaining({
        firm: 'F1',
        date: '2025-03-04',
        tasks: ['T1', 'T7'],
        inspectors: ['I1', 'I4'],
      }),
    ]);
    expect(plan.unscheduled).toEqual([expect.objectContaining({ task: 'T9', code: 'too_long' })]);
  });

  it('exits 2 on invalid input or a period without calendar data', () => {
    const bad = runCli([
      'plan-inspections',
      '--input',
      write('bad.json', { ...input, maxHoursPerVisit: -1 }),
    ]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('maxHoursPerVisit');
    const late = { ...input, period: { start: '2027-01-01', end: '2027-01-31' } };
    const noData = runCli(['plan-inspections', '--input', write('late.json', late)]);
    expect(noData.status).toBe(2);
    expect(noData.stderr).toContain('no official holiday data for 2027');
  });
});
