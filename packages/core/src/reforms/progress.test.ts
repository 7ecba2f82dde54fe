import { describe, expect, it } from 'vitest';
import { meanProgress, projectProgress, ReformProgressError, rollUp } from './index.js';

describe('project progress', () => {
  it('is Σ weight × done / Σ weight', () => {
    // 2 × 1 + 1 × 0 + 1 × 0.5 = 2.5 of 4.
    expect(
      projectProgress([
        { weight: 2, done: 1 },
        { weight: 1, done: 0 },
        { weight: 1, done: 0.5 },
      ]),
    ).toBe(0.625);
  });

  it('is 0 without milestones, 1 with every milestone done', () => {
    expect(projectProgress([])).toBe(0);
    expect(
      projectProgress([
        { weight: 3, done: 1 },
        { weight: 0.1, done: 1 },
      ]),
    ).toBe(1);
  });

  it('refuses a weight of 0 or less, or not a number, and done outside 0..1', () => {
    for (const weight of [0, -1, Number.NaN, Number.POSITIVE_INFINITY])
      expect(() => projectProgress([{ weight, done: 0 }])).toThrow(ReformProgressError);
    for (const done of [-0.1, 1.01, Number.NaN])
      expect(() => projectProgress([{ weight: 1, done }])).toThrow(ReformProgressError);
  });
});

describe('list progress', () => {
  it('is the mean of its projects, whatever their milestone counts', () => {
    expect(meanProgress([1, 0, 0.5])).toBe(0.5);
    expect(meanProgress([])).toBe(0);
  });

  it('rolls milestones up into projects and projects into lists, empty lists at 0', () => {
    const result = rollUp({
      listIds: ['L1', 'L2', 'L3'],
      projects: [
        { id: 'a', listId: 'L1' },
        { id: 'b', listId: 'L1' },
        { id: 'c', listId: 'L2' },
      ],
      milestones: [
        { projectId: 'a', weight: 1, done: 1 },
        { projectId: 'a', weight: 3, done: 0 },
        { projectId: 'b', weight: 1, done: 1 },
        { projectId: 'c', weight: 2, done: 0.4 },
      ],
    });
    expect(Object.fromEntries(result.projects)).toEqual({ a: 0.25, b: 1, c: 0.4 });
    expect(Object.fromEntries(result.lists)).toEqual({
      L1: { projects: 2, progress: 0.625 },
      L2: { projects: 1, progress: 0.4 },
      L3: { projects: 0, progress: 0 },
    });
    expect([...result.lists.keys()]).toEqual(['L1', 'L2', 'L3']);
  });

  it('refuses a milestone of an unknown project and a project of an unknown list', () => {
    expect(() =>
      rollUp({ listIds: ['L'], projects: [], milestones: [{ projectId: 'x', weight: 1, done: 0 }] }),
    ).toThrow(ReformProgressError);
    expect(() => rollUp({ listIds: ['L'], projects: [{ id: 'a', listId: 'M' }], milestones: [] })).toThrow(
      ReformProgressError,
    );
  });
});
