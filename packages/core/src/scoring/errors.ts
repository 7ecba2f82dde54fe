/**
 * Thrown for input the scoring methods cannot accept (empty or ragged matrix, wrong lengths,
 * a pairwise matrix that is not reciprocal, ...). Each entry of `problems` names one issue.
 */
export class ScoringInputError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
    this.name = 'ScoringInputError';
  }
}
