import { describe, expect, it } from 'vitest';
import { battleProgress, planBands, ReformProgressError, stepOf } from './index.js';

describe('the three-step plan', () => {
  it('is one year, then to the third, then to the fifth, from the start', () => {
    expect(planBands('2024-01-01')).toEqual([
      { step: 'rise', start: '2024-01-01', end: '2024-12-31' },
      { step: 'momentum', start: '2025-01-01', end: '2026-12-31' },
      { step: 'victory', start: '2027-01-01', end: '2028-12-31' },
    ]);
    expect(planBands('2024-07-15')[2]).toEqual({ step: 'victory', start: '2027-07-15', end: '2029-07-14' });
  });

  it('places a date in its step, none outside the five years', () => {
    expect(stepOf('2024-01-01', '2024-06-30')).toBe('rise');
    expect(stepOf('2024-01-01', '2026-12-31')).toBe('momentum');
    expect(stepOf('2024-01-01', '2028-01-01')).toBe('victory');
    expect(stepOf('2024-01-01', '2023-12-31')).toBeNull();
    expect(stepOf('2024-01-01', '2029-01-01')).toBeNull();
  });

  it('refuses a start that is not a date', () => {
    expect(() => planBands('2024-13-45')).toThrow(ReformProgressError);
  });
});

describe('a battle’s progress', () => {
  it('is the mean of its phases’ and its projects’ progress, each counting once', () => {
    // Phases 1, 0.5, 0 and projects 0.25, 0.75: 2.5 / 5.
    expect(battleProgress({ phases: [1, 0.5, 0], projects: [0.25, 0.75] })).toBe(0.5);
    expect(battleProgress({ phases: [1], projects: [] })).toBe(1);
    expect(battleProgress({ phases: [], projects: [] })).toBe(0);
  });

  it('refuses a share outside 0..1', () => {
    expect(() => battleProgress({ phases: [1.2], projects: [] })).toThrow(ReformProgressError);
    expect(() => battleProgress({ phases: [], projects: [Number.NaN] })).toThrow(ReformProgressError);
  });
});
