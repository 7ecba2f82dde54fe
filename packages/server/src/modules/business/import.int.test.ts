import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSheet } from '../../excel/workbook.js';
import { createTestContext, type TestContext } from '../../test-support/app.js';
import { sheetOf, sheetRows, validationOf } from '../../test-support/workbook.js';
import type { Firm } from './contracts.js';
import { firmColumns } from './firm-sheet.js';
import { businessFirms } from './schema.js';
import { fileFirm, freshCode, type Problem, xlsxType } from './test-helpers.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business'] });
});
afterAll(() => t.close());

const workbook = (rows: Array<Record<string, string>>) => writeSheet('企业', firmColumns, rows);
const firmCount = async () =>
  (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(businessFirms))[0]!.n;
const byCode = async (code: string) =>
  (await t.database.db.select().from(businessFirms).where(eq(businessFirms.creditCode, code)))[0];

const row = (extra: Record<string, string> = {}) => ({
  name: '重庆导入测试有限公司',
  creditCode: freshCode(),
  industry: 'C 制造业',
  town: '濯水镇',
  size: '小型',
  contactName: '冉涛',
  contactPhone: '13911112222',
  ...extra,
});

describe('importing firms', () => {
  it('files every row of a clean file, in Chinese words, and changes nothing the second time', async () => {
    const office = await t.as('office');
    const rows = [
      row(),
      row({ name: '黔江区鸿发超市', industry: '批发和零售业', town: 'QJ-S03', size: '微型企业' }),
      row({
        name: '重庆市黔江区金溪镇武陵猕猴桃种植专业合作社',
        industry: 'A',
        town: '金溪镇',
        size: 'micro',
      }),
      row({
        name: '不留联系人的企业有限公司',
        industry: '农、林、牧、渔业',
        contactName: '',
        contactPhone: '',
      }),
      // As the English export writes them.
      row({ name: '黔江区英文行业有限公司', industry: 'C Manufacturing', size: 'Small' }),
    ];
    const file = await workbook(rows);
    const before = await firmCount();
    const first = await office.request('POST', '/api/v1/business/firms/import', file, xlsxType);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ created: 5, updated: 0, unchanged: 0 });
    expect(await firmCount()).toBe(before + 5);
    const shop = await byCode(rows[1]!.creditCode);
    expect(shop).toMatchObject({
      industryCode: 'F',
      size: 'micro',
      contacts: [{ name: '冉涛', phone: '13911112222' }],
    });
    expect((await byCode(rows[3]!.creditCode))?.contacts).toEqual([]);
    expect(await byCode(rows[4]!.creditCode)).toMatchObject({ industryCode: 'C', size: 'small' });
    const again = await office.request('POST', '/api/v1/business/firms/import', file, xlsxType);
    expect(again.body).toEqual({ created: 0, updated: 0, unchanged: 5 });
    expect(await firmCount()).toBe(before + 5);
  });

  it('updates a known code where the file differs, its contact first, the others kept', async () => {
    const office = await t.as('office');
    const firm = await fileFirm(t, office, 'QJ-T09', {
      contacts: [
        { name: '张伟', phone: '13912345678' },
        { name: '李静', phone: '13900000001' },
      ],
    });
    const file = await workbook([
      row({
        name: firm.name,
        creditCode: firm.creditCode,
        size: '中型',
        contactName: '李静',
        contactPhone: '13900000001',
      }),
    ]);
    const res = await office.request('POST', '/api/v1/business/firms/import', file, xlsxType);
    expect(res.body).toEqual({ created: 0, updated: 1, unchanged: 0 });
    const after = await office.get<Firm>(`/api/v1/business/firms/${firm.id}`);
    expect(after.body.size).toBe('medium');
    expect(after.body.contacts).toEqual([
      { name: '李静', phone: '13900000001' },
      { name: '张伟', phone: '13912345678' },
    ]);
  });

  it('rejects a file with bad rows, names each row and column, and writes nothing', async () => {
    const office = await t.as('office');
    const good = freshCode();
    const wrongCheck = good.slice(0, 17) + (good[17] === 'A' ? 'B' : 'A');
    const duplicate = freshCode();
    const file = await workbook([
      row({ creditCode: duplicate }),
      row({ creditCode: wrongCheck }),
      row({ industry: '航天业', town: '火星镇', size: '巨型' }),
      row({ creditCode: duplicate }),
      row({ name: '', contactName: '', contactPhone: '12345' }),
    ]);
    const before = await firmCount();
    const res = await office.request<Problem>('POST', '/api/v1/business/firms/import', file, xlsxType);
    expect(res.status).toBe(400);
    const found = res.body.errors!.map((e) => `${e.path}:${e.code}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'row 3.creditCode:credit_code_check',
        'row 4.industry:unknown_industry',
        'row 4.town:unknown_town',
        'row 4.size:unknown_size',
        'row 5.creditCode:duplicate_of_row',
        'row 6.name:too_small',
        'row 6.contactName:too_small',
        'row 6.contactPhone:invalid_format',
      ]),
    );
    expect(found).toHaveLength(8);
    expect(res.body.errors!.find((e) => e.code === 'duplicate_of_row')?.params).toEqual({
      row: 2,
      column: '统一社会信用代码',
    });
    expect(await firmCount()).toBe(before);
  });

  it("keeps an organiser to the street's towns, and to the street's firms", async () => {
    const organiser = await t.as('organiser');
    const office = await t.as('office');
    const elsewhere = await fileFirm(t, office, 'QJ-T02');
    const file = await workbook([
      row({ town: '城西街道' }),
      row({ town: '濯水镇' }),
      row({ name: elsewhere.name, creditCode: elsewhere.creditCode, town: '城西街道' }),
    ]);
    const res = await organiser.request<Problem>('POST', '/api/v1/business/firms/import', file, xlsxType);
    expect(res.status).toBe(400);
    expect(res.body.errors!.map((e) => `${e.path}:${e.code}`)).toEqual([
      'row 3.town:outside_scope',
      'row 4.creditCode:outside_scope',
    ]);
    const supervisor = await t.as('supervisor');
    expect((await supervisor.request('POST', '/api/v1/business/firms/import', file, xlsxType)).status).toBe(
      403,
    );
  });

  it('refuses a sheet without the columns it needs, before any row', async () => {
    const office = await t.as('office');
    const file = await writeSheet('企业', [{ key: 'name', header: '企业名称' }], [{ name: '某企业' }]);
    const res = await office.request<Problem>('POST', '/api/v1/business/firms/import', file, xlsxType);
    expect(res.status).toBe(400);
    expect(res.body.errors!.map((e) => e.path)).toEqual(
      expect.arrayContaining(['header.creditCode', 'header.industry', 'header.town', 'header.size']),
    );
  });

  /** The template's example row passes every check but one: it is the example, not a firm. */
  const refusedAsExample = async (file: Uint8Array) => {
    const office = await t.as('office');
    const before = await firmCount();
    const res = await office.request<Problem>('POST', '/api/v1/business/firms/import', file, xlsxType);
    expect(res.status).toBe(400);
    expect(res.body.errors!.map((e) => `${e.path}:${e.code}`)).toEqual(['row 2.creditCode:template_example']);
    expect(await firmCount()).toBe(before);
  };

  it('hands out a template whose example row is well formed, and is not filed as a firm', async () => {
    const office = await t.as('office');
    const template = await office.get<Uint8Array>('/api/v1/business/firms/template');
    expect(template.status).toBe(200);
    const rows = await sheetRows(template.body);
    expect(rows[0]).toEqual(firmColumns.map((c) => c.header));
    await refusedAsExample(template.body);
  });

  it('hands an English reader English headers and drop-downs of what each listed column takes', async () => {
    const office = await t.as('office');
    const template = await office.request<Uint8Array>('GET', '/api/v1/business/firms/template', undefined, {
      'accept-language': 'en',
    });
    const sheet = await sheetOf(template.body);
    expect(sheet!.getRow(1).getCell(4).value).toBe('Town');
    const rule = (cell: string) => validationOf(sheet, cell)!;
    expect(rule('E2').formulae).toEqual(['"大型,中型,小型,微型"']);
    expect(rule('C2').formulae[0]).toContain('C 制造业');
    expect(rule('D2').formulae[0]).toContain('城西街道');
    await refusedAsExample(template.body);
  });
});
