import type { SurveyQuestion } from './shared';

export type SurveyAnswer = string | string[];

/**
 * The answers to send: one per question of the survey, trimmed, and none for a question left
 * blank (the server reads a missing answer as "not answered" and checks the required ones).
 */
export function answersOf(
  questions: readonly SurveyQuestion[],
  given: Partial<Record<string, SurveyAnswer>>,
): Record<string, SurveyAnswer> {
  const answers: Record<string, SurveyAnswer> = {};
  for (const q of questions) {
    const value = given[q.code];
    if (Array.isArray(value)) {
      if (q.kind === 'multiple' && value.length > 0) answers[q.code] = value;
    } else if (typeof value === 'string') {
      const text = q.kind === 'text' ? value.trim() : value;
      if (text) answers[q.code] = text;
    }
  }
  return answers;
}
