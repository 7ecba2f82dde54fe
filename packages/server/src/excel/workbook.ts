import type * as ExcelJS from 'exceljs';
import { exceljs } from './exceljs.js';

export interface Column {
  key: string;
  header: string;
  width?: number;
  /** An Excel number format for the column's cells (`0.00`, `0.0%`): the cell keeps the number. */
  numFmt?: string;
}

export interface SheetSpec {
  name: string;
  columns: Column[];
  rows: Array<Record<string, unknown>>;
  /** Drop-down lists (data validation) of the values a column takes, by column key. */
  lists?: Record<string, readonly string[]>;
}

/** Rows of a template that offer a column's drop-down list. */
export const listRows = 2000;

/** Excel refuses an inline list longer than this; a longer one lives on a hidden sheet. */
const inlineListMax = 255;

/** Sheets with a bold, frozen header row: the shape staff expect from every export and template. */
export async function writeBook(sheets: readonly SheetSpec[]): Promise<Buffer> {
  const book = new (await exceljs()).Workbook();
  for (const spec of sheets) {
    const sheet = book.addWorksheet(spec.name);
    sheet.columns = spec.columns.map((c) => ({
      key: c.key,
      header: c.header,
      width: c.width ?? 18,
      ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}),
    }));
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    for (const row of spec.rows) sheet.addRow(row);
    addLists(book, sheet, spec);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** One sheet: see {@link writeBook}. */
export function writeSheet(
  sheetName: string,
  columns: Column[],
  rows: Array<Record<string, unknown>>,
  lists?: SheetSpec['lists'],
): Promise<Buffer> {
  return writeBook([{ name: sheetName, columns, rows, ...(lists ? { lists } : {}) }]);
}

/**
 * A drop-down of each listed column under the header. A short list is written in the rule itself;
 * a longer one (or one whose values hold a comma or quote) is a range of a hidden sheet. A value
 * outside the list only warns, since the import also takes codes and names in the other language.
 */
function addLists(book: ExcelJS.Workbook, sheet: ExcelJS.Worksheet, spec: SheetSpec) {
  let store: ExcelJS.Worksheet | undefined;
  for (const [key, values] of Object.entries(spec.lists ?? {})) {
    const at = spec.columns.findIndex((c) => c.key === key);
    if (at < 0 || values.length === 0) continue;
    const letter = sheet.getColumn(at + 1).letter;
    const inline = `"${values.join(',')}"`;
    let formula = inline;
    if (inline.length > inlineListMax || values.some((v) => /[",]/.test(v))) {
      store ??= book.addWorksheet(`${spec.name}-lists`.slice(0, 31), { state: 'hidden' });
      const column = store.getColumn(store.actualColumnCount + 1);
      column.values = [key, ...values];
      formula = `'${store.name}'!$${column.letter}$2:$${column.letter}$${values.length + 1}`;
    }
    validations(sheet).add(`${letter}2:${letter}${listRows}`, {
      type: 'list',
      allowBlank: true,
      formulae: [formula],
      showErrorMessage: true,
      errorStyle: 'warning',
    });
  }
}

/** exceljs keeps a sheet's validations by range (its types leave the collection out). */
const validations = (sheet: ExcelJS.Worksheet) =>
  (sheet as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } })
    .dataValidations;
