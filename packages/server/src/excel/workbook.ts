import ExcelJS from 'exceljs';

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
