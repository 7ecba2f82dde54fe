import { describe, expect, it } from 'vitest';
import { hoursSaved, receptionHours } from './queries/figures.js';

describe('firm-hours saved by a joint visit', () => {
  it('saves nothing for a visit of one department', () => {
    expect(hoursSaved([1.5])).toBe(0);
    expect(hoursSaved([])).toBe(0);
  });

  it('saves every share but the longest, and every reception but one', () => {
    // Separately: 0.5 + 1 + 0.75 hours and three receptions; jointly: 1 hour and one reception.
    expect(hoursSaved([0.5, 1, 0.75])).toBe(0.5 + 0.75 + 2 * receptionHours);
  });
});
