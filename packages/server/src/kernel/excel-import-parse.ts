import { Readable } from 'node:stream';
import { parse as csvParser } from 'csv-parse';
import type * as ExcelJS from 'exceljs';
import { AppError } from '../errors.js';
import { exceljs } from '../excel/exceljs.js';
import { headerIndex, type ImportColumn } from './excel-import-header.js';
import { NotAZipError, openZipEntry, zipEntries } from './excel-import-zip.js';

/** A workbook's bytes: in memory, or arriving in chunks (an upload still being received). */
export type WorkbookBytes = ArrayBuffer | Uint8Array | AsyncIterable<Uint8Array>;

/** An uploaded file: the bytes of an .xlsx workbook, or the text of a CSV file. */
export type ImportFile = { xlsx: WorkbookBytes } | { csv: string };

/** A file with all its bytes in memory, as the reading thread parses it. */
export type FileInMemory = { xlsx: ArrayBuffer | Uint8Array } | { csv: string };

/** One data row: its number in the sheet (the header is row 1) and its cells by column key. */
export interface ImportRow {
  row: number;
  values: Record<string, string>;
}

export interface ReadPlan {
  columns: readonly ImportColumn[];
  maxRows: number;
}

interface RawRow {
  row: number;
  cells: string[];
  /** The cells (by index) holding a number formatted as a percentage, each as shown (`5.2%`). */
  percents?: Map<number, string>;
}

export const tooManyRows = (maxRows: number) =>
  new AppError('PAYLOAD_TOO_LARGE', `the file has more than ${maxRows} rows; split it and import each part`, [
    {
      path: 'file',
      message: `more than ${maxRows} rows`,
      code: 'too_many_rows',
      params: { maximum: maxRows },
    },
  ]);

const notXlsx = () =>
  new AppError('VALIDATION', 'the file is not an .xlsx workbook', [
    { path: 'file', message: 'not xlsx', code: 'not_xlsx' },
  ]);
const notCsv = () =>
  new AppError('VALIDATION', 'the file is not CSV', [{ path: 'file', message: 'not csv', code: 'not_csv' }]);

/**
 * The rows of the file's first sheet, one at a time. The header row is checked before any data
 * row is read, and reading stops as soon as the file passes `maxRows` rows that hold data, so
 * neither a bad header nor a huge file costs more than a glance. Rows empty in every known
 * column are skipped; a column the header lacks (an optional one) reads as ''.
 */
export async function* readRows(file: FileInMemory, plan: ReadPlan): AsyncGenerator<ImportRow> {
  const percentColumns = new Set(plan.columns.filter((c) => c.percentAsShown).map((c) => c.key));
  const source = 'csv' in file ? csvRows(file.csv) : sheetRows(file.xlsx);
  try {
    let index: Map<string, number> | undefined;
    let count = 0;
    for await (const { row, cells, percents } of source) {
      if (!index) {
        // The header must be the first row; a sheet starting lower has no header we can trust.
        index = headerIndex(row === 1 ? cells : [], plan.columns);
        continue;
      }
      const values: Record<string, string> = {};
      let any = false;
      for (const c of plan.columns) values[c.key] = '';
      for (const [key, at] of index) {
        const shown = percentColumns.has(key) ? percents?.get(at) : undefined;
        const value = shown ?? cells[at] ?? '';
        values[key] = value;
        if (value) any = true;
      }
      if (!any) continue;
      if (++count > plan.maxRows) throw tooManyRows(plan.maxRows);
      yield { row, values };
    }
    if (!index) headerIndex([], plan.columns);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw 'csv' in file ? notCsv() : notXlsx();
  } finally {
    await source.return(undefined);
  }
}

/** A cell as the text a person sees: dates as YYYY-MM-DD, formulas by their result. */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v)
      return v.richText
        .map((r) => r.text ?? '')
        .join('')
        .trim();
    if ('text' in v) return String(v.text ?? '').trim();
    if ('result' in v) return String(v.result ?? '').trim();
    if ('error' in v) return String(v.error);
    return '';
  }
  return String(v).trim();
}

/** The parts of exceljs's streaming reader this file drives one by one (see sheetRows). */
interface ReaderSteps {
  workbookRels?: Array<{ Id: string; Target: string; Type: string }>;
  model?: { sheets?: Array<{ rId: string }> };
  sharedStrings?: unknown[];
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
  _parseWorksheet(
    entry: Readable,
    sheetNo: string,
  ): Iterable<{ eventType: string; value: ExcelJS.stream.xlsx.WorksheetReader }>;
}

/**
 * The first sheet's rows, read with exceljs's streaming WorkbookReader. Its own `read()` takes
 * the zip parts in stored order and copies every sheet met before the shared strings into a
 * temporary file, whole, before giving a single row; Excel stores the shared strings after the
 * sheets, and exceljs's writer stores the workbook part last. So this reads the zip's directory
 * and hands the reader its parts in the order it needs: relations, workbook, styles (for dates),
 * shared strings, then the first sheet, streamed. Each part is decoded as text here, because
 * exceljs decodes each chunk on its own and would garble a character split between two chunks.
 */
async function* sheetRows(data: ArrayBuffer | Uint8Array): AsyncGenerator<RawRow> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  let entries: ReturnType<typeof zipEntries>;
  try {
    entries = zipEntries(bytes);
  } catch (error) {
    if (error instanceof NotAZipError) throw notXlsx();
    throw error;
  }
  const part = (name: string) => {
    const entry = entries.get(name);
    return entry ? openZipEntry(bytes, entry) : undefined;
  };
  const reader = new (await exceljs()).stream.xlsx.WorkbookReader(Readable.from([]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  }) as unknown as ReaderSteps;
  const rels = part('xl/_rels/workbook.xml.rels');
  const workbook = part('xl/workbook.xml');
  if (!rels || !workbook) throw notXlsx();
  await reader._parseRels(rels);
  await reader._parseWorkbook(workbook);
  const styles = part('xl/styles.xml');
  if (styles) await reader._parseStyles(styles);
  const target = (type: string) => reader.workbookRels?.find((r) => r.Type.endsWith(type))?.Target;
  const strings = part(partName(target('/sharedStrings') ?? 'sharedStrings.xml'));
  reader.sharedStrings = [];
  if (strings) for await (const _ of reader._parseSharedStrings(strings));
  const first = reader.model?.sheets?.[0];
  const sheetTarget = reader.workbookRels?.find((r) => r.Id === first?.rId)?.Target;
  if (!sheetTarget)
    throw new AppError('VALIDATION', 'the workbook has no sheet', [
      { path: 'file', message: 'empty', code: 'empty_file' },
    ]);
  const sheetPart = part(partName(sheetTarget));
  if (!sheetPart) throw notXlsx();
  const sheetNo = /sheet(\d+)\.xml$/.exec(sheetTarget)?.[1] ?? '1';
  for (const { value: sheet } of reader._parseWorksheet(sheetPart, sheetNo)) {
    try {
      for await (const row of sheet) {
        const cells: string[] = [];
        const percents = new Map<number, string>();
        (row.values as ExcelJS.CellValue[]).forEach((v, col) => {
          cells[col - 1] = cellText(v);
          if (typeof v === 'number' && /%/.test(row.getCell(col).numFmt ?? ''))
            percents.set(col - 1, `${Number((v * 100).toPrecision(12))}%`);
        });
        yield { row: row.number, cells, percents };
      }
    } finally {
      sheetPart.destroy();
    }
  }
}

/** A relation's target is relative to the xl/ folder, or absolute from the archive's root. */
const partName = (target: string) => (target.startsWith('/') ? target.slice(1) : `xl/${target}`);

/** CSV records, with the same row numbers a spreadsheet would give them (the header is row 1). */
async function* csvRows(text: string): AsyncGenerator<RawRow> {
  const parser = csvParser({ bom: true, skip_empty_lines: true, trim: true });
  const chunks = function* () {
    for (let at = 0; at < text.length; at += 64 * 1024) yield text.slice(at, at + 64 * 1024);
  };
  const input = Readable.from(chunks()).pipe(parser);
  let row = 0;
  try {
    for await (const record of input as AsyncIterable<string[]>) yield { row: ++row, cells: record };
  } finally {
    parser.destroy();
  }
}
