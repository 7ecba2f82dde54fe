import ExcelJS from 'exceljs';
import { AppError, type FieldError } from '../errors.js';
import { isStorableText, unstorableText } from '../http/input.js';

export interface Column {
  key: string;
  header: string;
  width?: number;
}

export interface SheetSpec {
  name: string;
  columns: Column[];
  rows: Array<Record<string, unknown>>;
}

/** Sheets with a bold, frozen header row: the shape staff expect from every export and template. */
export async function writeBook(sheets: readonly SheetSpec[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const sheet = book.addWorksheet(spec.name);
    sheet.columns = spec.columns.map((c) => ({ key: c.key, header: c.header, width: c.width ?? 18 }));
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    for (const row of spec.rows) sheet.addRow(row);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** One sheet: see {@link writeBook}. */
export function writeSheet(
  sheetName: string,
  columns: Column[],
  rows: Array<Record<string, unknown>>,
): Promise<Buffer> {
  return writeBook([{ name: sheetName, columns, rows }]);
}

const text = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return String(v.text);
    if ('result' in v) return String(v.result ?? '');
    if (v instanceof Date) return v.toISOString().slice(0, 10);
  }
  return String(v).trim();
};

/**
 * Reads the first sheet into records keyed by column key. A header cell may be the column's
 * Chinese header or its key, so both our template and hand-made sheets are accepted.
 */
export async function readSheet(
  data: ArrayBuffer | Buffer,
  columns: Column[],
): Promise<Array<{ row: number; values: Record<string, string> }>> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(data as ArrayBuffer);
  } catch {
    throw new AppError('VALIDATION', 'the file is not an .xlsx workbook', [
      { path: 'file', message: 'not xlsx', code: 'not_xlsx' },
    ]);
  }
  const sheet = book.worksheets[0];
  if (!sheet)
    throw new AppError('VALIDATION', 'the workbook has no sheet', [
      { path: 'file', message: 'empty', code: 'empty_file' },
    ]);
  const header = sheet.getRow(1);
  const index = new Map<string, number>();
  header.eachCell((cell, col) => {
    const name = text(cell.value);
    const column = columns.find((c) => c.header === name || c.key === name);
    if (column) index.set(column.key, col);
  });
  const missing = columns.filter((c) => !index.has(c.key));
  if (missing.length) {
    throw new AppError(
      'VALIDATION',
      `missing columns: ${missing.map((c) => c.header).join(', ')}`,
      missing.map((c) => ({ path: `header.${c.key}`, message: 'missing column', code: 'missing_columns' })),
    );
  }
  const out: Array<{ row: number; values: Record<string, string> }> = [];
  const unstorable: FieldError[] = [];
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const values: Record<string, string> = {};
    let any = false;
    for (const [key, col] of index) {
      values[key] = text(row.getCell(col).value);
      if (values[key]) any = true;
      if (!isStorableText(values[key])) unstorable.push(unstorableText(`row ${rowNumber}.${key}`));
    }
    if (any) out.push({ row: rowNumber, values });
  });
  if (unstorable.length)
    throw new AppError('VALIDATION', 'cells hold text that cannot be stored', unstorable);
  return out;
}
