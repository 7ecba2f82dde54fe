import { AppError } from '../errors.js';
import { settings } from '../settings.js';

/**
 * The most rows one exported workbook holds (`QIANXING_EXPORT_MAX_ROWS`, 50,000 by default): a
 * workbook is built in memory, and the campaign's 10,000+ suggestions or a district's requests of
 * several years fit with room to spare. Read on each export, so an operator's change needs no
 * restart of the code that reads it.
 */
export const exportMaxRows = (): number => settings().QIANXING_EXPORT_MAX_ROWS;

/**
 * Refuses an export of more rows than a workbook holds, with the count, rather than cutting it
 * short without a word: the reader narrows the filters.
 */
export function refuseOversizeExport(total: number): void {
  const maximum = exportMaxRows();
  if (total <= maximum) return;
  throw new AppError('VALIDATION', `${total} rows match; a workbook holds ${maximum}`, [
    {
      path: 'filters',
      message: `more than ${maximum} rows`,
      code: 'export_too_large',
      params: { maximum, total },
    },
  ]);
}
