import { AppError } from '../../../errors.js';

/**
 * The report's own checks name a value by its place in the list (`values.1.indicatorId`); the
 * file's reader looks for the sheet row and column (`row 3.indicatorCode`), as every import names them.
 */
export async function byRow(check: Promise<void>, rowOf: readonly number[]): Promise<void> {
  await check.catch((error: unknown) => {
    if (!(error instanceof AppError)) throw error;
    const errors = error.errors.map((e) => {
      const at = /^values\.(\d+)\.(\w+)$/.exec(e.path);
      const row = at ? rowOf[Number(at[1])] : undefined;
      if (!at || row === undefined) return e;
      return { ...e, path: `row ${row}.${at[2] === 'indicatorId' ? 'indicatorCode' : at[2]}` };
    });
    throw new AppError(error.code, error.message, errors, error.retryAfterSeconds);
  });
}
