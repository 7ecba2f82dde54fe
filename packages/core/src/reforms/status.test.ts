import { describe, expect, it } from 'vitest';
import { overdueMilestones, projectStatus } from './index.js';

const m = (dueDate: string, done: number, weight = 1) => ({ dueDate, done, weight });
const project = { start: '2026-03-01', end: '2026-12-31' };

describe('project status', () => {
  it('is completed when every milestone is wholly done, even past the end', () => {
    expect(
      projectStatus({ ...project, milestones: [m('2026-04-30', 1), m('2026-09-30', 1)] }, '2027-02-01'),
    ).toBe('completed');
  });

  it('is behind with a milestone past its due day and not done; the due day itself still counts', () => {
    const milestones = [m('2026-04-30', 1), m('2026-06-30', 0.5)];
    expect(projectStatus({ ...project, milestones }, '2026-06-30')).toBe('on_track');
    expect(projectStatus({ ...project, milestones }, '2026-07-01')).toBe('behind');
    expect(overdueMilestones(milestones, '2026-07-01')).toEqual([milestones[1]]);
  });

  it('is behind past the end unfinished, and without milestones', () => {
    expect(projectStatus({ ...project, milestones: [] }, '2027-01-01')).toBe('behind');
  });

  it('is not started before its start with nothing done, on track once something is', () => {
    expect(projectStatus({ ...project, milestones: [m('2026-05-01', 0)] }, '2026-02-01')).toBe('not_started');
    expect(projectStatus({ ...project, milestones: [m('2026-05-01', 0.2)] }, '2026-02-01')).toBe('on_track');
    expect(projectStatus({ ...project, milestones: [] }, '2026-02-01')).toBe('not_started');
  });
});
