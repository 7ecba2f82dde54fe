import { and, isNotNull, isNull, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { unitBriefs } from '../units/api.js';
import { importColumns } from './excel.js';
import { ideaParticipations, ideaSuggestions } from './schema.js';

let t: TestContext;
let office: TestClient;
let towns: string[];
beforeAll(async () => {
  t = await createTestContext();
  office = await t.as('office');
  towns = (await unitBriefs(t.database.db))
    .filter((u) => ['subdistrict', 'town', 'township'].includes(u.kind))
    .map((u) => u.code);
});
afterAll(() => t.close());

const topics = ['高铁站公交接驳', '老旧小区加装电梯', '濯水古镇夜游', '阿蓬江河道保洁', '乡村物流站点'];
const kinds = ['resident', 'cadre', 'student', 'enterprise'];
const goodRow = (i: number) => ({
  title: `关于${topics[i % topics.length]}的建议第${i}号`,
  body: `建议在${topics[i % topics.length]}方面加大投入，第${i}条来信，群众反映较多，请相关部门研究。`,
  townCode: towns[i % towns.length],
  authorKind: kinds[i % kinds.length],
  channel: 'written',
  domain: '',
  realName: i % 3 === 0 ? `来信人${i}` : '',
  phone: i % 5 === 0 ? `138${String(i).padStart(8, '0')}` : '',
});

/** Seven bad rows, one fault each, at sheet rows spread through the file (the header is row 1). */
const faults: Record<number, [field: string, change: (r: ReturnType<typeof goodRow>) => void]> = {
  2: ['townCode', (r) => (r.townCode = 'QJ-NOPE')],
  777: ['title', (r) => (r.title = '短')],
  1500: ['body', (r) => (r.body = '太短了')],
  2501: ['authorKind', (r) => (r.authorKind = 'alien')],
  3333: ['domain', (r) => (r.domain = 'astrology')],
  4200: ['phone', (r) => (r.phone = '12345')],
  5001: ['channel', (r) => (r.channel = 'pigeon')],
};

async function workbook(withFaults: boolean): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('建议导入');
  sheet.columns = importColumns.map((c) => ({ key: c.key, header: c.header }));
  for (let i = 0; i < 5000; i++) {
    const row = goodRow(i);
    const fault = faults[i + 2];
    if (withFaults && fault) fault[1](row);
    sheet.addRow(row);
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const send = (body: Uint8Array) =>
  office.request<{ created?: number; skipped?: number; errors?: Array<{ path: string; message: string }> }>(
    'POST',
    '/api/v1/ideas/import',
    body,
    { 'content-type': XLSX },
  );
const imported = async () =>
  (
    await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(ideaSuggestions)
      .where(sql`import_key is not null`)
  )[0]!.n;

describe('a 5,000-row workbook', () => {
  it('names exactly the seven bad rows and writes nothing', async () => {
    const participationsBefore = await t.database.db.$count(ideaParticipations);
    const res = await send(await workbook(true));
    expect(res.status).toBe(400);
    const rows = [...new Set(res.body.errors!.map((e) => /^row (\d+)\./.exec(e.path)?.[1]))];
    expect(rows.map(Number).sort((a, b) => a - b)).toEqual(Object.keys(faults).map(Number));
    // Each names its reason by a stable code, for the page to word in the reader's language.
    expect(res.body.errors!.every((e) => typeof (e as { code?: string }).code === 'string')).toBe(true);
    for (const [row, [field]] of Object.entries(faults))
      expect(res.body.errors!.map((e) => e.path)).toContain(`row ${row}.${field}`);
    expect(await imported()).toBe(0);
    expect(await t.database.db.$count(ideaParticipations)).toBe(participationsBefore);
  });

  it('imports all 5,000 once fixed, and importing again adds nothing', async () => {
    const fixed = await workbook(false);
    const first = await send(fixed);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ created: 5000, skipped: 0, skippedRows: [] });
    expect(await imported()).toBe(5000);
    // Each imported row is found by the word search as it is written.
    const unsearchable = and(isNotNull(ideaSuggestions.importKey), isNull(ideaSuggestions.titleWords));
    expect(await t.database.db.$count(ideaSuggestions, unsearchable)).toBe(0);
    const again = await send(fixed);
    expect(again.body).toMatchObject({ created: 0, skipped: 5000 });
    expect((again.body as { skippedRows: number[] }).skippedRows).toHaveLength(5000);
    expect(await imported()).toBe(5000);
  });
});
