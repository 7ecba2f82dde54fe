import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { sheetOf } from '../../test-support/workbook.js';
import { ideaSuggestions } from './schema.js';
import { sampleSuggestion, scopeTowns } from './test-helpers.js';

let t: TestContext;
let own: string;
let other: string;
let organiser: TestClient;
let screener: TestClient;
const mine = '希望城区夜间公交延长到二十二点';
beforeAll(async () => {
  t = await createTestContext();
  ({ own, other } = await scopeTowns(t.database.db));
  organiser = await t.as('organiser');
  screener = await t.as('screener');
  const send = (body: object) => t.client().post('/api/v1/public/suggestions', body);
  await send({ ...sampleSuggestion(other, 1), realName: '王小明', phone: '13912345678' });
  await send({
    title: mine,
    body: '下夜班的职工回家不便，请联系我 13800001111 商量线路。',
    townId: own,
    authorKind: 'cadre',
  });
});
afterAll(() => t.close());

interface Row {
  [header: string]: string | number | null;
}

/** The first sheet's rows, keyed by the header row, and the sheet's name. */
async function readBook(bytes: Uint8Array): Promise<{ name: string; headers: string[]; rows: Row[] }> {
  const sheet = await sheetOf(bytes);
  const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: Row[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const cells = (row.values as unknown[]).slice(1);
    rows.push(Object.fromEntries(headers.map((h, i) => [h, (cells[i] ?? null) as string | number | null])));
  });
  return { name: sheet.name, headers, rows };
}

const exported = (client: TestClient, query: string, language = 'zh-CN') =>
  client.request<Uint8Array>('GET', `/api/v1/ideas/suggestions/export${query}`, undefined, {
    'accept-language': language,
  });

describe('the suggestions workbook', () => {
  it('holds every row the list shows for the same filters, newest first, with names and masks', async () => {
    const list = await screener.get<{ total: number; items: Array<{ id: string; title: string }> }>(
      `/api/v1/ideas/suggestions?townId=${own}&pageSize=100`,
    );
    const res = await exported(screener, `?townId=${own}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('建议清单.xlsx'));
    const book = await readBook(res.body);
    expect(book.name).toBe('建议');
    expect(book.headers).toEqual([
      '提交时间',
      '标题',
      '内容',
      '领域',
      '镇街',
      '身份',
      '渠道',
      '状态',
      '未通过原因',
      '支持数',
      '姓名',
      '电话',
    ]);
    expect(book.rows.map((r) => r.标题)).toEqual(list.body.items.map((i) => i.title));
    expect(book.rows).toHaveLength(list.body.total);
    const row = book.rows.find((r) => r.标题 === mine)!;
    const units = await screener.get<Array<{ id: string; name: string }>>('/api/v1/units');
    expect(row.镇街).toBe(units.body.find((u) => u.id === own)!.name);
    expect(row).toMatchObject({ 身份: '干部', 渠道: '线上', 状态: '待初筛', 支持数: 0 });
    expect(row.提交时间).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    // A number typed into the text is masked as on the page.
    expect(String(row.内容)).not.toContain('13800001111');
    expect(String(row.领域).length).toBeGreaterThan(0);
    expect(book.rows.every((r) => !/^[a-z_]+$/.test(String(r.领域)))).toBe(true);
  });

  it('masks the name and phone, and speaks English to an English reader', async () => {
    const res = await exported(screener, `?townId=${other}&q=${encodeURIComponent('高铁站公交专线1')}`, 'en');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('suggestions.xlsx');
    const book = await readBook(res.body);
    expect(book.name).toBe('Suggestions');
    expect(book.headers.slice(0, 3)).toEqual(['Submitted at', 'Title', 'Text']);
    const row = book.rows.find((r) => r.Title === '建议增设高铁站公交专线1')!;
    expect(row).toMatchObject({ Name: '王**', Phone: '139****5678', Author: 'Resident', Channel: 'Online' });
    expect(row.Status).toBe('Awaiting screening');
  });

  it('words a built-in reason not to accept in the reader’s language, and gives the office’s own as written', async () => {
    const send = async (n: number) =>
      (await t.client().post<{ id: string }>('/api/v1/public/suggestions', sampleSuggestion(other, n))).body
        .id;
    const offTopic = await send(71);
    const own = await send(72);
    const rejected = await screener.post(`/api/v1/ideas/suggestions/${offTopic}/screen`, {
      decision: 'reject',
      reason: 'off_topic',
    });
    expect(rejected.status).toBe(200);
    // A reason the office wrote in its own words (campaigns may list such).
    await t.database.db
      .update(ideaSuggestions)
      .set({ status: 'rejected', rejectReason: '已有政策覆盖' })
      .where(eq(ideaSuggestions.id, own));
    const q = `?townId=${other}&status=rejected&q=${encodeURIComponent('高铁站公交专线7')}`;
    const zh = await readBook((await exported(screener, q)).body);
    const reasonOf = (book: typeof zh, n: number, column: string) =>
      book.rows.find((r) => String(r[book.headers[1]!]) === `建议增设高铁站公交专线${n}`)?.[column];
    expect(reasonOf(zh, 71, '未通过原因')).toBe('与主题无关');
    expect(reasonOf(zh, 72, '未通过原因')).toBe('已有政策覆盖');
    const en = await readBook((await exported(screener, q, 'en')).body);
    expect(reasonOf(en, 71, 'Reason not accepted')).toBe('Off topic');
    expect(reasonOf(en, 72, 'Reason not accepted')).toBe('已有政策覆盖');
  });

  it('gives an organiser the towns of their own unit only, and refuses the public and citizens', async () => {
    const book = await readBook((await exported(organiser, '')).body);
    const list = await organiser.get<{ total: number }>('/api/v1/ideas/suggestions?pageSize=1');
    expect(book.rows).toHaveLength(list.body.total);
    expect(book.rows.some((r) => r.标题 === mine)).toBe(true);
    expect(book.rows.some((r) => r.标题 === '建议增设高铁站公交专线1')).toBe(false);
    expect((await exported(await t.as('citizen'), '')).status).toBe(403);
    expect((await exported(t.client(), '')).status).toBe(401);
  });

  it('refuses more rows than a workbook holds, saying how many match', async () => {
    const before = process.env.QIANXING_EXPORT_MAX_ROWS;
    process.env.QIANXING_EXPORT_MAX_ROWS = '1';
    try {
      const res = await screener.request<{
        title: string;
        errors: Array<{ code: string; params: { maximum: number; total: number } }>;
      }>('GET', '/api/v1/ideas/suggestions/export', undefined, { 'accept-language': 'en' });
      expect(res.status).toBe(400);
      expect(res.body.errors[0]).toMatchObject({ code: 'export_too_large', params: { maximum: 1 } });
      expect(res.body.errors[0]!.params.total).toBeGreaterThan(1);
    } finally {
      if (before === undefined) delete process.env.QIANXING_EXPORT_MAX_ROWS;
      else process.env.QIANXING_EXPORT_MAX_ROWS = before;
    }
  });

  it('refuses a bad filter with the field at fault', async () => {
    const res = await screener.get<{ errors: Array<{ path: string }> }>(
      '/api/v1/ideas/suggestions/export?townId=not-a-town',
    );
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e) => e.path)).toContain('townId');
  });
});
