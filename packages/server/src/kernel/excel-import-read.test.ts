import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { readImportRows } from './excel-import-read.js';

const columns = [
  { key: 'code', header: '编码' },
  { key: 'name', header: '名称' },
];

async function workbook(rows: number): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('单位');
  sheet.addRow(['编码', '名称']);
  for (let i = 0; i < rows; i++) sheet.addRow([`C${i}`, `第${i}行`]);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const refusal = (run: Promise<unknown>) =>
  run.then(
    () => {
      throw new Error('expected the file to be refused');
    },
    (error: unknown) => {
      expect(error).toBeInstanceOf(AppError);
      return error as AppError;
    },
  );

describe('reading an import in its own thread', () => {
  it('brings every row across, in order, past the size of one batch', async () => {
    const rows = await readImportRows({ xlsx: await workbook(2500) }, columns, {
      maxRows: 20_000,
      timeBudgetMs: 60_000,
    });
    expect(rows).toHaveLength(2500);
    expect(rows[0]).toEqual({ row: 2, values: { code: 'C0', name: '第0行' } });
    expect(rows[2499]).toEqual({ row: 2501, values: { code: 'C2499', name: '第2499行' } });
  });

  it("hands the thread's refusal over as the same problem", async () => {
    const error = await refusal(
      readImportRows({ csv: 'code,title\nA,B' }, columns, { maxRows: 10, timeBudgetMs: 60_000 }),
    );
    expect(error.code).toBe('VALIDATION');
    expect(error.errors.map((e) => [e.path, e.code])).toEqual([
      ['header.name', 'missing_columns'],
      ['header.title', 'unknown_column'],
    ]);
    const many = await refusal(
      readImportRows({ xlsx: await workbook(11) }, columns, { maxRows: 10, timeBudgetMs: 60_000 }),
    );
    expect(many.code).toBe('PAYLOAD_TOO_LARGE');
    expect(many.errors[0]).toMatchObject({ code: 'too_many_rows', params: { maximum: 10 } });
  });

  it('gathers a workbook that arrives in chunks, as an upload does', async () => {
    const bytes = await workbook(30);
    async function* arriving() {
      for (let at = 0; at < bytes.length; at += 1000) yield bytes.subarray(at, at + 1000);
    }
    const rows = await readImportRows({ xlsx: arriving() }, columns, { maxRows: 100, timeBudgetMs: 60_000 });
    expect(rows.map((r) => r.values.code)).toEqual(Array.from({ length: 30 }, (_, i) => `C${i}`));
  });

  it("stops with the upload's own refusal when it breaks off", async () => {
    async function* refused() {
      yield new Uint8Array([0x50, 0x4b, 3, 4]);
      throw new AppError('PAYLOAD_TOO_LARGE', 'too large');
    }
    const error = await refusal(
      readImportRows({ xlsx: refused() }, columns, { maxRows: 10, timeBudgetMs: 60_000 }),
    );
    expect(error.message).toBe('too large');
  });

  it('gives up on a file not read within its time budget', async () => {
    // A thread cannot even start within a millisecond, so this budget always runs out.
    const error = await refusal(
      readImportRows({ xlsx: await workbook(10) }, columns, { maxRows: 10, timeBudgetMs: 1 }),
    );
    expect(error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(error.errors[0]).toMatchObject({ code: 'read_time_exceeded', params: { seconds: 0 } });
  });
});
