import { ScoringInputError } from '@qianxing/core/scoring';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../errors.js';
import { scoredOrRefused } from './scoring-refusal.js';

describe('a quarter the scorecard cannot take', () => {
  it('is refused as a problem of the quarter, not a server failure', async () => {
    const refused = await scoredOrRefused('2025Q1', async () => {
      throw new ScoringInputError(['quarters[0].actuals[3]: unknown indicator "x"']);
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({
      code: 'INVALID_STATE',
      errors: [{ path: 'period', code: 'scorecard_data_invalid', params: { period: '2025Q1' } }],
    });
  });

  it('lets any other failure through as it is', async () => {
    const other = new Error('connection lost');
    await expect(scoredOrRefused('2025Q1', () => Promise.reject(other))).rejects.toBe(other);
    await expect(scoredOrRefused('2025Q1', async () => 7)).resolves.toBe(7);
  });
});
