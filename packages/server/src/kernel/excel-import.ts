/**
 * The one import of every module, from .xlsx (and CSV where the module takes it):
 *
 * 1. the header row is checked first, and a bad one stops the import at once;
 * 2. rows are streamed from the file in a thread of its own, up to a row limit and within a time
 *    budget, so a huge or hostile file is refused in moments and other requests go on being served;
 * 3. each row is checked by the module into a row report (row, field, reason code, message);
 *    any problem rejects the whole file and nothing is written;
 * 4. the module writes every row in one transaction together with its audit events;
 * 5. importing the same file again is the module's to make harmless (each matches rows by a key).
 *
 * Parsing lives in excel-import-parse.ts (with -header and -zip), the thread in -read.ts and
 * -worker.ts, the row report in -report.ts.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { type AuditEntry, audit } from '../audit/audit.js';
import { actor, type ServiceContext } from '../context.js';
import { type Tx, transaction } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { isStorableText, unstorableText } from '../http/input.js';
import { type Choices, choiceFinders } from './excel-import-choices.js';
import type { ImportColumn } from './excel-import-header.js';
import { type FileInMemory, type ImportFile, type ImportRow, readRows } from './excel-import-parse.js';
import { readImportRows } from './excel-import-read.js';
import { RowReport } from './excel-import-report.js';
import { type ImportReasons, wordImportError } from './excel-import-words.js';

export type { Choice, Choices } from './excel-import-choices.js';
export { choiceFinder, choiceLabel } from './excel-import-choices.js';
export { columnHeader, headedIn, type ImportColumn, type ImportLocale } from './excel-import-header.js';
export type { ImportFile, ImportRow, WorkbookBytes } from './excel-import-parse.js';
export { readerHeapMb } from './excel-import-read.js';
export { RowReport } from './excel-import-report.js';
export { importTemplate } from './excel-import-template.js';
export type { ImportReasons } from './excel-import-words.js';

export interface ImportSheet {
  columns: readonly ImportColumn[];
  /** Rows holding data; more refuse the file (PAYLOAD_TOO_LARGE, `too_many_rows`). */
  maxRows?: number;
  /** Time to read the file; longer refuses it (PAYLOAD_TOO_LARGE, `read_time_exceeded`). */
  timeBudgetMs?: number;
  /** Refuse a file without data rows instead of importing nothing. */
  requireRows?: boolean;
  /**
   * The allowed values of enumerated columns: a cell may hold the code or a name in either
   * language, and the module's `row` receives the code; a value matching none is reported.
   */
  choices?: Choices;
  /** The module's own reason codes worded in each language, for a refused file's report. */
  reasons?: ImportReasons;
}

export const importDefaults = { maxRows: 20_000, timeBudgetMs: 20_000 } as const;

/** Checked rows of a file (steps 1 and 2 above). */
export async function readImport(file: ImportFile, sheet: ImportSheet): Promise<ImportRow[]> {
  const rows = await readImportRows(file, sheet.columns, {
    maxRows: sheet.maxRows ?? importDefaults.maxRows,
    timeBudgetMs: sheet.timeBudgetMs ?? importDefaults.timeBudgetMs,
  });
  if (sheet.requireRows && rows.length === 0)
    throw new AppError('VALIDATION', 'no rows', [{ path: 'file', message: 'empty', code: 'empty_file' }]);
  return rows;
}

/**
 * Checked rows of a file the server ships itself (demo data), read in this thread: such a file
 * is small and trusted, and a thread of its own would only add its start-up. Never for uploads.
 */
export async function readShippedFile(file: FileInMemory, sheet: ImportSheet): Promise<ImportRow[]> {
  const rows: ImportRow[] = [];
  const plan = { columns: sheet.columns, maxRows: sheet.maxRows ?? importDefaults.maxRows };
  for await (const row of readRows(file, plan)) rows.push(row);
  return rows;
}

/** What a module's write did: its answer to the caller, and the audit events that record it. */
export interface Written<Result> {
  result: Result;
  audit: AuditEntry[];
}

export interface ImportDefinition<Row, Prepared, Result> {
  sheet: ImportSheet;
  /** One row's cells to what the module writes, or undefined once its problems are reported. */
  row(values: Record<string, string>, row: number, report: RowReport): Row | undefined;
  /**
   * Checks across rows or against the database (duplicates, unknown references). They run even
   * when some rows failed their own checks, so the report lists every problem at once.
   */
  check?(rows: Row[], report: RowReport): Promise<void> | void;
  /** Work on a clean file best done before the transaction (lookups, classification). */
  prepare?(rows: Row[], report: RowReport): Promise<Prepared> | Prepared;
  /**
   * Writes every row inside the import's transaction; throwing an AppError rolls all of it back
   * (a RowReport's, of rows found wrong on a check repeated under the write's locks, is worded as
   * the checks' report is).
   */
  write(tx: Tx, rows: Row[], prepared: Prepared): Promise<Written<Result>>;
  /** Effects that must follow the commit (caches, indexes). */
  afterCommit?(result: Result, prepared: Prepared): Promise<void> | void;
}

/**
 * Reads, checks and commits a file all or nothing; the caller has authorised the import. A
 * refused file's report is worded in the request's language, its columns named by their headers.
 */
export async function runImport<Row, Prepared, Result>(
  ctx: ServiceContext,
  file: ImportFile,
  definition: ImportDefinition<Row, Prepared, Result>,
): Promise<Result> {
  const worded = <T>(work: Promise<T>) =>
    work.catch((error: unknown) => {
      throw error instanceof AppError
        ? wordImportError(error, definition.sheet.columns, ctx.locale ?? 'zh-CN', definition.sheet.reasons)
        : error;
    });
  const { rows, prepared } = await worded(checkFile(file, definition));
  // A row the write refuses on checking it again under its locks is reported as the checks report it.
  const result = await worded(
    transaction(ctx.db, async (tx) => {
      const written = await definition.write(tx, rows, prepared);
      for (const entry of written.audit) await audit(tx, actor(ctx), entry);
      return written.result;
    }),
  );
  await definition.afterCommit?.(result, prepared);
  return result;
}

/** Steps 1 to 3: the file's rows checked into the module's rows, or its report thrown. */
async function checkFile<Row, Prepared, Result>(
  file: ImportFile,
  definition: ImportDefinition<Row, Prepared, Result>,
): Promise<{ rows: Row[]; prepared: Prepared }> {
  const read = await readImport(file, definition.sheet);
  const finders = choiceFinders(definition.sheet.choices);
  const report = new RowReport();
  const rows: Row[] = [];
  await eachInSlices(read, ({ values, row }) => {
    // A cell PostgreSQL could not store (exceljs decodes `_x0000_` into a NUL) fails its row.
    const unstorable = Object.entries(values).filter(([, v]) => !isStorableText(v));
    for (const [key] of unstorable) report.problems.push(unstorableText(`row ${row}.${key}`));
    if (unstorable.length) return;
    const unknown = new Set<string>();
    for (const [key, find] of finders) {
      const text = values[key];
      if (!text) continue;
      const code = find(text);
      if (code) values[key] = code;
      else {
        unknown.add(`row ${row}.${key}`);
        if (code === null)
          report.add(row, key, 'ambiguous_choice', `several values are named ${text}`, { value: text });
        else report.add(row, key, 'unknown_choice', `no such value: ${text}`, { value: text });
      }
    }
    const before = report.problems.length;
    const parsed = definition.row(values, row, report);
    // The module's own complaint about a value already reported as unknown says nothing more.
    if (unknown.size) {
      const own = report.problems.splice(before);
      report.problems.push(...own.filter((p) => !unknown.has(p.path)));
    } else if (parsed !== undefined) rows.push(parsed);
  });
  await definition.check?.(rows, report);
  report.throwIfAny();
  const prepared = (await definition.prepare?.(rows, report)) as Prepared;
  report.throwIfAny();
  return { rows, prepared };
}

/** How many items to work through between turns of the event loop. */
const slice = 250;

/**
 * Calls `fn` on every item, letting the event loop take other requests between slices: checking
 * 20,000 rows in one go would hold up every other request for the best part of a second.
 */
export async function eachInSlices<T>(
  items: readonly T[],
  fn: (item: T, index: number) => void,
): Promise<void> {
  for (let i = 0; i < items.length; i++) {
    if (i > 0 && i % slice === 0) await nextTurn();
    fn(items[i]!, i);
  }
}
