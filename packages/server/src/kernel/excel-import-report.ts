import { AppError, type FieldError } from '../errors.js';
import { fieldErrorOf } from '../http/problem.js';

type Issue = Parameters<typeof fieldErrorOf>[0];

/** The sheet's row a problem's path names (`row 5.name` → 5); a problem of the file comes first. */
const rowOf = (path: string) => Number(/^row (\d+)/.exec(path)?.[1] ?? 0);

/**
 * What is wrong with an import, cell by cell: each problem names the row (as the sheet numbers
 * it, the header being row 1) and the column as `row <n>.<field>`, with a stable reason code
 * and an English message; the web app words the code in the reader's language.
 */
export class RowReport {
  readonly problems: FieldError[] = [];

  /** A problem with one cell, or with the whole row when `field` is null. */
  add(
    row: number,
    field: string | null,
    code: string,
    message: string,
    params?: Record<string, string | number>,
  ): void {
    this.problems.push({
      path: field === null ? `row ${row}` : `row ${row}.${field}`,
      message,
      code,
      ...(params ? { params } : {}),
    });
  }

  /** A zod issue of a row's parse; the field defaults to the first part of the issue's path. */
  addIssue(row: number, issue: Issue, field = String(issue.path[0] ?? '')): void {
    this.problems.push(fieldErrorOf(issue, `row ${row}.${field}`));
  }

  get size(): number {
    return this.problems.length;
  }

  /**
   * Any problem rejects the whole file: nothing has been written, nothing will be. The problems
   * go by row, as the reader goes through the sheet (the checks across rows find theirs last).
   */
  throwIfAny(): void {
    if (this.problems.length)
      throw new AppError(
        'VALIDATION',
        `${this.problems.length} problem(s) in the file; nothing was imported`,
        [...this.problems].sort((a, b) => rowOf(a.path) - rowOf(b.path)),
      );
  }
}
