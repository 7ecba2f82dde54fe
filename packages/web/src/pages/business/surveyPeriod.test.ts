import { describe, expect, it } from 'vitest';
import { takesAnswers } from './surveyPeriod';

describe('whether a survey takes answers on a day', () => {
  const survey = { status: 'open', opensOn: '2026-10-01', closesOn: '2026-12-31' };
  it('is within its dates, both ends included, and only while open', () => {
    expect(takesAnswers(survey, '2026-10-01')).toBe(true);
    expect(takesAnswers(survey, '2026-12-31')).toBe(true);
    expect(takesAnswers(survey, '2026-09-30')).toBe(false);
    expect(takesAnswers(survey, '2027-01-01')).toBe(false);
    expect(takesAnswers({ ...survey, status: 'closed' }, '2026-11-01')).toBe(false);
  });
});
