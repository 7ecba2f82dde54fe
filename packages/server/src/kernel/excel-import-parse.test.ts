import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import type { ImportColumn } from './excel-import-header.js';
import { type FileInMemory, type ImportRow, readRows } from './excel-import-parse.js';

const columns: ImportColumn[] = [
  { key: 'code', header: '编码' },
  { key: 'name', header: '名称' },
  { key: 'note', header: '备注', required: false },
];

async function all(file: FileInMemory, maxRows = 100, cols = columns): Promise<ImportRow[]> {
  const rows: ImportRow[] = [];
  for await (const row of readRows(file, { columns: cols, maxRows })) rows.push(row);
  return rows;
}

async function failure(run: Promise<unknown>): Promise<AppError> {
  const error = await run.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** A workbook as exceljs writes it in memory (shared strings, parts in the usual order). */
async function book(rows: unknown[][], sheet = '单位'): Promise<{ xlsx: Uint8Array }> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  for (const r of rows) ws.addRow(r);
  return { xlsx: new Uint8Array(await wb.xlsx.writeBuffer()) };
}

/** A workbook as exceljs's streaming writer stores it: the sheet first, the workbook part last. */
async function streamedBook(rows: unknown[][], useSharedStrings: boolean): Promise<{ xlsx: Uint8Array }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings });
  const ws = wb.addWorksheet('单位');
  for (const r of rows) ws.addRow(r).commit();
  ws.commit();
  await wb.commit();
  return { xlsx: new Uint8Array(Buffer.concat(chunks)) };
}

describe('reading an .xlsx import', () => {
  it('maps header words or keys to columns, numbers rows as the sheet does and skips empty rows', async () => {
    const file = await book([
      ['name', '编码', '无关列'],
      ['城西街道', 'QJ-S03', 'x'],
      [],
      ['', '', '只有备注'],
      ['  正阳镇 ', 'QJ-T01'],
    ]);
    expect(await all(file)).toEqual([
      { row: 2, values: { code: 'QJ-S03', name: '城西街道', note: '' } },
      { row: 5, values: { code: 'QJ-T01', name: '正阳镇', note: '' } },
    ]);
  });

  it('reads workbooks whose parts come in any order, with or without shared strings', async () => {
    const rows = [
      ['编码', '名称', '备注'],
      ...Array.from({ length: 50 }, (_, i) => [`C${i}`, `名称${i}`, i]),
    ];
    for (const shared of [true, false]) {
      const read = await all(await streamedBook(rows, shared));
      expect(read).toHaveLength(50);
      expect(read[49]).toEqual({ row: 51, values: { code: 'C49', name: '名称49', note: '49' } });
    }
  });

  it('keeps Chinese text whole where a character straddles two chunks of the inflated sheet', async () => {
    const text = (i: number) => `城西街道老旧小区加装电梯第${i}号建议，群众反映较多。`.repeat(3);
    const rows = [['编码', '名称'], ...Array.from({ length: 3000 }, (_, i) => [`C${i}`, text(i)])];
    const read = await all(await streamedBook(rows, false), 5000);
    expect(read.filter((r, i) => r.values.name !== text(i))).toEqual([]);
  });

  it('gives dates as YYYY-MM-DD, formulas by their result and numbers as typed', async () => {
    const file = await book([
      ['编码', '名称', '备注'],
      [new Date(Date.UTC(2026, 3, 1)), { formula: '1+1', result: 2 }, 12.5],
    ]);
    expect((await all(file))[0]!.values).toEqual({ code: '2026-04-01', name: '2', note: '12.5' });
  });

  it('stops on a header without a required column, naming it and the cells it did not know', async () => {
    const error = await failure(
      all(
        await book([
          ['编码', '名字'],
          ['A', 'B'],
        ]),
      ),
    );
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toBe('missing columns: 名称; not recognised: 名字');
    expect(error.errors).toEqual([
      { path: 'header.name', message: 'missing column', code: 'missing_columns', params: { column: '名称' } },
      { path: 'header.名字', message: 'not a column of this import', code: 'unknown_column' },
    ]);
  });

  it('refuses a header naming a column twice, and a sheet whose first row is not the header', async () => {
    const twice = await failure(all(await book([['编码', '名称', 'code']])));
    expect(twice.errors.map((e) => e.code)).toEqual(['duplicate_column']);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('单位').getRow(3).values = ['编码', '名称'];
    const low = await failure(all({ xlsx: new Uint8Array(await wb.xlsx.writeBuffer()) }));
    expect(low.errors.map((e) => e.code)).toEqual(['missing_columns', 'missing_columns']);
  });

  it('stops past the row limit with a stable reason and the limit', async () => {
    const rows = [['编码', '名称'], ...Array.from({ length: 4 }, (_, i) => [`C${i}`, 'x'])];
    expect(await all(await book(rows), 4)).toHaveLength(4);
    const error = await failure(all(await book(rows), 3));
    expect(error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(error.errors).toEqual([
      { path: 'file', message: 'more than 3 rows', code: 'too_many_rows', params: { maximum: 3 } },
    ]);
  });

  it('refuses bytes that are not a workbook', async () => {
    for (const bytes of [new TextEncoder().encode('code,name\nA,B'), new Uint8Array([0x50, 0x4b, 3, 4, 0])]) {
      const error = await failure(all({ xlsx: bytes }));
      expect(error.errors[0]!.code).toBe('not_xlsx');
    }
  });
});

describe('reading a CSV import', () => {
  it('reads by header words or keys, trims, accepts a BOM and numbers rows like a sheet', async () => {
    const csv = '\ufeffcode,名称\n A , 城西街道 \n\nB,"正阳镇, 东"\n';
    expect(await all({ csv })).toEqual([
      { row: 2, values: { code: 'A', name: '城西街道', note: '' } },
      { row: 3, values: { code: 'B', name: '正阳镇, 东', note: '' } },
    ]);
  });

  it('checks the header and the row limit as for a workbook', async () => {
    expect((await failure(all({ csv: 'a,b\n1,2' }))).errors[0]!.code).toBe('missing_columns');
    const many = ['code,name', ...Array.from({ length: 11 }, (_, i) => `C${i},x`)].join('\n');
    expect((await failure(all({ csv: many }, 10))).errors[0]!.code).toBe('too_many_rows');
  });

  it('refuses text that is not CSV', async () => {
    expect((await failure(all({ csv: 'code,name\nA,B,C' }))).errors[0]!.code).toBe('not_csv');
    expect((await failure(all({ csv: 'code,name\n"A,B' }))).errors[0]!.code).toBe('not_csv');
  });
});
