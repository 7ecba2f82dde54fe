import { sql } from 'drizzle-orm';
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { loadWorkbook, validationOf } from '../../test-support/workbook.js';
import { unitBriefs } from '../units/api.js';
import { ideaSuggestions } from './schema.js';

let t: TestContext;
let organiser: TestClient;
let town: { code: string; name: string };
beforeAll(async () => {
  t = await createTestContext();
  organiser = await t.as('organiser');
  town = (await unitBriefs(t.database.db)).find((u) => u.code === 'QJ-S03')!;
});
afterAll(() => t.close());

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
type Report = {
  created?: number;
  detail?: string;
  errors?: Array<{ path: string; code: string; message: string; params?: Record<string, string> }>;
};

async function template(language: string) {
  const res = await organiser.request<Uint8Array>('GET', '/api/v1/ideas/import/template', undefined, {
    'accept-language': language,
  });
  expect(res.status).toBe(200);
  return loadWorkbook(res.body);
}

async function send(book: ExcelJS.Workbook, language: string) {
  const bytes = new Uint8Array(await book.xlsx.writeBuffer());
  return organiser.request<Report>('POST', '/api/v1/ideas/import', bytes, {
    'content-type': XLSX,
    'accept-language': language,
  });
}

const imported = async () =>
  (
    await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(ideaSuggestions)
      .where(sql`import_key is not null`)
  )[0]!.n;

describe('the suggestions import in the clerk’s words', () => {
  it('offers a template with Chinese headers and drop-down lists of names', async () => {
    const sheet = (await template('zh-CN')).worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '标题',
      '建议内容',
      '所在镇街',
      '身份',
      '渠道',
      '领域',
      '姓名',
      '电话',
    ]);
    expect(validationOf(sheet, 'D2')?.formulae?.[0]).toContain('居民');
    expect(validationOf(sheet, 'E2')?.formulae?.[0]).toContain('书面');
    expect(validationOf(sheet, 'C2')?.type).toBe('list');
    const en = (await template('en')).worksheets[0]!;
    expect(en.getRow(1).getCell(3).value).toBe('Town');
    expect(validationOf(en, 'D2')?.formulae?.[0]).toContain('Resident');
  });

  it('refuses a bad name with a report in the reader’s language, and writes nothing', async () => {
    const book = await template('zh-CN');
    const sheet = book.worksheets[0]!;
    sheet.getRow(2).getCell(3).value = `${town.name}1`;
    const zh = await send(book, 'zh-CN');
    expect(zh.status).toBe(400);
    expect(zh.body.errors).toEqual([
      expect.objectContaining({
        path: 'row 2.townCode',
        code: 'unknown_choice',
        message: `找不到「${town.name}1」`,
        params: { value: `${town.name}1`, column: '所在镇街' },
      }),
    ]);
    expect(zh.body.detail).toContain(`第 2 行 · 所在镇街：找不到「${town.name}1」`);
    const en = await send(book, 'en');
    expect(en.body.errors?.[0]?.params?.column).toBe('Town');
    expect(en.body.detail).toContain(`Row 2 · Town: No such value: “${town.name}1”`);
    expect(await imported()).toBe(0);
  });

  it('reports an empty required cell as required, not as too short', async () => {
    const book = await template('zh-CN');
    const row = book.worksheets[0]!.getRow(2);
    row.getCell(1).value = null;
    row.getCell(3).value = town.name;
    const zh = await send(book, 'zh-CN');
    expect(zh.status).toBe(400);
    expect(zh.body.errors).toEqual([
      expect.objectContaining({
        path: 'row 2.title',
        code: 'required',
        message: '必填',
        params: { column: '标题' },
      }),
    ]);
    expect(await imported()).toBe(0);
  });

  it('imports a row filled in with Chinese names', async () => {
    const book = await template('zh-CN');
    const row = book.worksheets[0]!.getRow(2);
    row.getCell(3).value = town.name;
    row.getCell(4).value = '学生';
    row.getCell(5).value = '返乡座谈';
    row.getCell(6).value = '交通出行';
    const res = await send(book, 'zh-CN');
    expect(res.body).toEqual({ created: 1, skipped: 0, skippedRows: [] });
    const [s] = await t.database.db.select().from(ideaSuggestions).where(sql`import_key is not null`);
    expect(s).toMatchObject({ authorKind: 'student', channel: 'homecoming', domain: 'transport' });
  });

  it('gives no template to a screener, who may not import', async () => {
    const screener = await t.as('screener');
    expect((await screener.get('/api/v1/ideas/import/template')).status).toBe(403);
  });
});
