import ExcelJS from 'exceljs';

/**
 * Reading the Excel workbooks the server hands out (exports, templates, filled forms), for
 * tests. Each reader takes the file's bytes, or a workbook already loaded when the test also
 * edits it or looks at it in other ways, and a sheet: its place (the first by default) or its
 * name.
 */

/** A workbook, or the bytes of an .xlsx file (a response's body, a file read from disk). */
export type WorkbookSource = Uint8Array | ExcelJS.Workbook;

/** Which sheet of a workbook: its place among the sheets, from 0, or its name. */
export type WhichSheet = number | string;

/** The workbook in an .xlsx file's bytes. */
export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  // exceljs types the bytes as a Node Buffer or an ArrayBuffer; it reads any Uint8Array.
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

const bookOf = (source: WorkbookSource) =>
  source instanceof ExcelJS.Workbook ? Promise.resolve(source) : loadWorkbook(source);

/** One sheet of a workbook; a test fails at once when the workbook has no such sheet. */
export async function sheetOf(source: WorkbookSource, which: WhichSheet = 0): Promise<ExcelJS.Worksheet> {
  const book = await bookOf(source);
  const sheet = typeof which === 'number' ? book.worksheets[which] : book.getWorksheet(which);
  if (!sheet) throw new Error(`the workbook has no sheet ${JSON.stringify(which)}`);
  return sheet;
}

/** The names of a workbook's sheets, in their order. */
export async function sheetNames(source: WorkbookSource): Promise<string[]> {
  return (await bookOf(source)).worksheets.map((s) => s.name);
}

/**
 * A sheet's cells as texts, row by row from column A: an empty cell is '', a row with no
 * cells is left out.
 */
export async function sheetRows(source: WorkbookSource, which: WhichSheet = 0): Promise<string[][]> {
  const rows: string[][] = [];
  (await sheetOf(source, which)).eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? '')));
  });
  return rows;
}

/**
 * A sheet's cell values as exceljs reads them (numbers, dates, texts), row by row from column
 * A. The rows keep their places: rows[0] is row 1, and a row the file lacks is a hole.
 */
export async function sheetValues(source: WorkbookSource, which: WhichSheet = 0): Promise<unknown[][]> {
  return ((await sheetOf(source, which)).getSheetValues().slice(1) as unknown[][]).map((r) => r.slice(1));
}

/** A cell of the first sheet: its value and the number format it is shown in. */
export async function sheetCell(source: WorkbookSource, address: string) {
  const cell = (await sheetOf(source)).getCell(address);
  return { value: cell.value, numFmt: cell.numFmt };
}

/**
 * The data validation (a drop-down list, say) on a cell of a sheet, if it has one. exceljs
 * keeps a sheet's validations but leaves them out of its types.
 */
export function validationOf(sheet: ExcelJS.Worksheet, address: string): ExcelJS.DataValidation | undefined {
  return (
    sheet as unknown as { dataValidations: { find(address: string): ExcelJS.DataValidation | undefined } }
  ).dataValidations.find(address);
}
