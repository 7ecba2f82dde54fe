import { describe, expect, it } from 'vitest';
import { importRowErrors } from './importReport';

describe('import report', () => {
  it('reads the row and the field of each error', () => {
    const rows = importRowErrors({
      type: 'https://qianxing.example/problems/validation',
      title: 'Invalid input',
      status: 400,
      code: 'VALIDATION',
      errors: [
        { path: 'row 3.code', message: 'duplicate of row 2' },
        { path: 'row 12.parentCode', message: 'unknown parent X' },
        { path: 'sheet', message: 'no sheet named units' },
      ],
    });
    expect(rows).toEqual([
      { key: 0, row: 3, field: 'code', message: 'duplicate of row 2' },
      { key: 1, row: 12, field: 'parentCode', message: 'unknown parent X' },
      { key: 2, row: null, field: 'sheet', message: 'no sheet named units' },
    ]);
  });
});
