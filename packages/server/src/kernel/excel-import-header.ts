import { AppError, type FieldError } from '../errors.js';
import type { Column } from '../excel/workbook.js';

/** A column of an import: its key in the rows, its header in the sheet, and whether it must be there. */
export interface ImportColumn extends Column {
  /** Every column must be in the header unless marked `required: false`. */
  required?: boolean;
  /** The header of an English template; `header` is the Chinese one. */
  headerEn?: string;
  /** Other headers read as this column (an earlier template's). */
  aliases?: readonly string[];
  /**
   * A number in a cell formatted as a percentage reads as shown, with its sign (5.2% typed is
   * stored as 0.052 and reads `5.2%`), so the module decides what the figure means; otherwise
   * the stored number is read, as for every other column.
   */
  percentAsShown?: boolean;
}

export type ImportLocale = 'zh-CN' | 'en';

/** The column's header in a language (the Chinese one where it has no English one). */
export const columnHeader = (c: ImportColumn, locale: ImportLocale): string =>
  locale === 'en' ? (c.headerEn ?? c.header) : c.header;

/** A sheet's columns headed in the reader's language, widths and number formats kept. */
export const headedIn = (columns: readonly ImportColumn[], locale: ImportLocale): Column[] =>
  columns.map((c) => ({
    key: c.key,
    header: columnHeader(c, locale),
    width: c.width,
    ...(c.numFmt ? { numFmt: c.numFmt } : {}),
  }));

/** Text compared as a person means it: trimmed, full-width forms folded, case ignored. */
export const looseText = (text: string) => text.normalize('NFKC').trim().toLowerCase();

/** A header cell names a column by its Chinese or English header, its key or an alias. */
const names = (c: ImportColumn) =>
  [c.header, c.headerEn, c.key, ...(c.aliases ?? [])].filter(Boolean).map((n) => looseText(n!));

/**
 * Where each known column sits in the header row (by cell position). A header that lacks a required
 * column, or names one twice, stops the import before any data row is read; the problem names
 * what is missing and, as the likely cause, the header cells nobody recognised. Other unknown
 * columns are ignored, so staff may keep a notes column beside the data.
 */
export function headerIndex(cells: readonly string[], columns: readonly ImportColumn[]): Map<string, number> {
  const index = new Map<string, number>();
  const unknown: string[] = [];
  const problems: FieldError[] = [];
  cells.forEach((cell, position) => {
    if (!cell) return;
    const column = columns.find((c) => names(c).includes(looseText(cell)));
    if (!column) unknown.push(cell);
    else if (index.has(column.key))
      problems.push({
        path: `header.${column.key}`,
        message: `column ${column.header} appears twice`,
        code: 'duplicate_column',
      });
    else index.set(column.key, position);
  });
  const missing = columns.filter((c) => c.required !== false && !index.has(c.key));
  for (const c of missing)
    problems.push({
      path: `header.${c.key}`,
      message: 'missing column',
      code: 'missing_columns',
      params: { column: c.header },
    });
  if (problems.length === 0) return index;
  if (missing.length)
    for (const cell of unknown.slice(0, 20))
      problems.push({
        path: `header.${cell}`,
        message: 'not a column of this import',
        code: 'unknown_column',
      });
  const detail = [
    missing.length ? `missing columns: ${missing.map((c) => c.header).join(', ')}` : '',
    problems.some((p) => p.code === 'duplicate_column') ? 'a column appears twice' : '',
    missing.length && unknown.length ? `not recognised: ${unknown.slice(0, 20).join(', ')}` : '',
  ].filter(Boolean);
  throw new AppError('VALIDATION', detail.join('; '), problems);
}
