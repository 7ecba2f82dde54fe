import { describe, expect, it } from 'vitest';
import type { DepartmentScore, MonthScorecard } from './schema.js';
import { departmentScorecard } from './scorecard.js';
import { foldSurvey } from './survey.js';

const weights = { response: 0.3, resolution: 0.3, satisfaction: 0.4 };
const line = (department: string, rates: [number, number, number | null]): DepartmentScore => ({
  department,
  requests: 10,
  onTime: 0,
  resolved: 0,
  rated: 0,
  satisfied: 0,
  responseRate: rates[0],
  resolutionRate: rates[1],
  satisfactionRate: rates[2],
  score: null,
  rank: null,
});

describe('folding a survey into the scorecard', () => {
  const card: MonthScorecard = {
    month: '2026-10',
    departments: [
      { ...line('a', [1, 1, 1]), score: 100, rank: 1 },
      { ...line('b', [0.5, 0.5, null]), score: 50, rank: 2 },
    ],
  };

  it('changes nothing at weight 0', () => {
    expect(foldSurvey(card, weights, 0, new Map([['a', 0]]))).toBe(card);
  });

  it('weighs the share beside the rates and ranks again', () => {
    const folded = foldSurvey(
      card,
      weights,
      1,
      new Map([
        ['a', 0],
        ['b', 1],
      ]),
    );
    // a: (0.3 + 0.3 + 0.4 + 1·0) / 2 = 50; b: (0.15 + 0.15 + 1·1) / 1.6 = 81.25 (no satisfaction rate).
    expect(folded.departments.map((d) => [d.department, d.score, d.rank])).toEqual([
      ['b', 81.25, 1],
      ['a', 50, 2],
    ]);
  });

  it('leaves a department the survey did not ask about as it was', () => {
    const folded = foldSurvey(card, weights, 1, new Map([['b', 0]]));
    expect(folded.departments.find((d) => d.department === 'a')?.score).toBe(100);
    expect(card.departments[1]?.score).toBe(50);
  });

  it('folds into what the core scorecard computes', () => {
    const scored = departmentScorecard({
      month: '2026-10',
      deadlineWorkdays: 5,
      weights,
      requests: [
        {
          id: 'r1',
          department: 'd',
          receivedOn: '2026-10-09',
          answeredOn: '2026-10-10',
          resolved: true,
          rating: 5,
        },
      ],
    });
    expect(scored.departments[0]?.score).toBe(100);
    expect(foldSurvey(scored, weights, 1, new Map([['d', 0.5]])).departments[0]?.score).toBe(75);
  });
});
