import { describe, expect, it } from 'vitest';
import { AppError } from '../../../errors.js';
import { byRow } from './report-import-rows.js';

describe('the report’s own checks of values read from a sheet', () => {
  it('name the sheet row and column of each value, as the import reader looks for them', async () => {
    const checked = Promise.reject(
      new AppError('VALIDATION', 'the reported values are invalid', [
        { path: 'values.1.indicatorId', message: 'listed twice', code: 'listed_twice' },
        { path: 'values.0.note', message: 'too long', code: 'too_big' },
        { path: 'planId', message: 'the plan is not approved', code: 'plan_not_approved' },
      ]),
    );
    const refused = await byRow(checked, [2, 5]).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({
      code: 'VALIDATION',
      errors: [
        { path: 'row 5.indicatorCode', code: 'listed_twice' },
        { path: 'row 2.note', code: 'too_big' },
        { path: 'planId', code: 'plan_not_approved' },
      ],
    });
  });

  it('let a file that passes through', async () => {
    await expect(byRow(Promise.resolve(), [2])).resolves.toBeUndefined();
  });
});
