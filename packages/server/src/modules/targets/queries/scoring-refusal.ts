import { ScoringInputError } from '@qianxing/core/scoring';
import { AppError } from '../../../errors.js';

/**
 * A quarter whose stored data the scorecard cannot take (`scorecard_data_invalid`): the office is
 * told which quarter and why, as a problem of the request, rather than a server failure.
 */
export async function scoredOrRefused<T>(period: string, score: () => Promise<T>): Promise<T> {
  try {
    return await score();
  } catch (error) {
    if (!(error instanceof ScoringInputError)) throw error;
    throw new AppError('INVALID_STATE', `the ${period} data cannot be scored: ${error.message}`, [
      {
        path: 'period',
        message: error.message,
        code: 'scorecard_data_invalid',
        params: { period },
      },
    ]);
  }
}
