import { AppError } from '../../../errors.js';

/**
 * Refuses a save made on a copy read before someone else's save (CONFLICT, `edited_meanwhile`):
 * the form sends the `updatedAt` it was read with, and the write takes place only while the
 * record still has it, so the last of two people editing at once never silently wins.
 */
export function editedMeanwhile(what: 'plan' | 'report'): AppError {
  return new AppError('CONFLICT', `the ${what} was changed meanwhile; reload it and edit again`, [
    { path: 'updatedAt', message: 'changed since it was read', code: 'edited_meanwhile' },
  ]);
}
