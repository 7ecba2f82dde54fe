import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSheet } from '../../excel/workbook.js';
import { xlsxMediaType } from '../../http/upload.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { sheetOf } from '../../test-support/workbook.js';
import type { Indicator, Region } from './contracts/library.js';
import { benchmarkColumns, indicatorColumns } from './excel.js';
import { targetIndicators } from './schema.js';
import { auditOf } from './test-helpers.js';

const xlsx = { 'content-type': xlsxMediaType };
let t: TestContext;
let office: TestClient;
beforeAll(async () => {
  t = await createTestContext();
  office = await t.as('office');
});
afterAll(() => t.close());

const count = async () =>
  (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(targetIndicators))[0]!.n;

describe('the indicator library', () => {
  it('holds 308 demo indicators across the four categories', async () => {
    const res = await office.get<{ total: number; items: Indicator[] }>(
      '/api/v1/targets/indicators?pageSize=500',
    );
    expect(res.body.total).toBe(308);
    expect(new Set(res.body.items.map((i) => i.category))).toEqual(
      new Set(['economy', 'society', 'environment', 'governance']),
    );
    expect(res.body.items.every((i) => i.isDemo)).toBe(true);
    const search = await office.get<{ total: number }>(
      `/api/v1/targets/indicators?q=${encodeURIComponent('森林覆盖率')}`,
    );
    expect(search.body.total).toBe(4);
  });

  it('imports from Excel by code, all or nothing, and audits the import', async () => {
    const good = await writeSheet('指标库', indicatorColumns, [
      {
        code: 'NEW-001',
        name: '新指标',
        measure: '%',
        direction: '越高越好',
        category: '经济',
        source: '区统计局',
        frequency: '季度',
      },
      {
        code: 'ECO-001',
        name: '地区生产总值（调整）',
        measure: '亿元',
        direction: '越高越好',
        category: '经济',
        source: '区统计局',
        frequency: '季度',
      },
    ]);
    const res = await office.request('POST', '/api/v1/targets/indicators/import', new Uint8Array(good), xlsx);
    expect(res.body).toEqual({ created: 1, updated: 1, unchanged: 0 });
    expect(await auditOf(t, 'import')).toContain('indicator.import');
    const before = await count();
    const bad = await writeSheet('指标库', indicatorColumns, [
      { code: 'NEW-002', name: '好行', measure: '%', direction: '越高越好', category: '经济' },
      { code: 'NEW-003', name: '坏行', measure: '%', direction: '越大越好', category: '经济' },
    ]);
    const refused = await office.request<{ errors: Array<{ path: string }> }>(
      'POST',
      '/api/v1/targets/indicators/import',
      new Uint8Array(bad),
      xlsx,
    );
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0]!.path).toBe('row 3.direction');
    expect(await count()).toBe(before);
  });

  it('takes English headers and names, and words a bad one in English', async () => {
    const en = indicatorColumns.map((c) => ({ ...c, header: c.headerEn ?? c.header }));
    const row = {
      code: 'NEW-EN',
      name: '英文表头指标',
      measure: '%',
      category: 'Society',
      frequency: 'yearly',
    };
    const send = async (direction: string) =>
      office.request<{ created?: number; errors?: Array<{ message: string; params?: { column?: string } }> }>(
        'POST',
        '/api/v1/targets/indicators/import',
        new Uint8Array(await writeSheet('Indicators', en, [{ ...row, direction }])),
        { ...xlsx, 'accept-language': 'en' },
      );
    const refused = await send('Bigger is better');
    expect(refused.body.errors).toEqual([
      expect.objectContaining({
        message: 'No such value: “Bigger is better”',
        params: expect.objectContaining({ column: 'Direction' }),
      }),
    ]);
    expect((await send('higher is BETTER')).body).toMatchObject({ created: 1 });
  });

  it.each([
    ['zh-CN', '指标库', ['指标编码', '指标名称', '计量单位', '方向', '类别', '数据来源', '频次'], '越高越好'],
    [
      'en',
      'Indicators',
      ['Indicator code', 'Indicator name', 'Measure', 'Direction', 'Category', 'Source', 'Frequency'],
      'Higher is better',
    ],
  ])(
    'exports the library in %s as a workbook that imports back unchanged',
    async (language, sheet, headers, higher) => {
      const file = await office.request<Uint8Array>('GET', '/api/v1/targets/indicators/export', undefined, {
        'accept-language': language,
      });
      expect(file.status).toBe(200);
      const first = await sheetOf(file.body);
      expect(first.name).toBe(sheet);
      expect((first.getRow(1).values as unknown[]).slice(1)).toEqual(headers);
      const gdp = first.getRows(2, first.rowCount - 1)!.find((r) => r.getCell(1).text === 'ECO-001')!;
      expect(gdp.getCell(4).text).toBe(higher);
      const again = await office.request('POST', '/api/v1/targets/indicators/import', file.body, xlsx);
      expect(again.body).toEqual({ created: 0, updated: 0, unchanged: 310 });
    },
  );

  it('imports benchmark values for peer regions from Excel', async () => {
    const regions = await office.get<Region[]>('/api/v1/targets/regions');
    expect(regions.body.map((r) => r.name)).toEqual(
      expect.arrayContaining(['涪陵区', '恩施土家族苗族自治州', '黔江区']),
    );
    const sheet = await writeSheet('标杆值', benchmarkColumns, [
      {
        regionCode: 'FL',
        indicatorCode: 'ECO-001',
        period: '2026Q2',
        value: 412.5,
        source: '涪陵区统计公报',
      },
    ]);
    const res = await office.request(
      'POST',
      '/api/v1/targets/benchmarks/import',
      new Uint8Array(sheet),
      xlsx,
    );
    expect(res.body).toEqual({ imported: 1 });
    const list = await office.get<Array<{ value: number }>>('/api/v1/targets/benchmarks?period=2026Q2');
    expect(list.body.map((b) => b.value)).toEqual([412.5]);
    // A sheet headed in English reads the same.
    const english = await writeSheet(
      'Benchmarks',
      [
        { key: 'regionCode', header: 'Region code' },
        { key: 'indicatorCode', header: 'Indicator code' },
        { key: 'period', header: 'Period' },
        { key: 'value', header: 'Value' },
        { key: 'source', header: 'Source' },
      ],
      [{ regionCode: 'FL', indicatorCode: 'ECO-001', period: '2026Q3', value: 420, source: 'Bulletin' }],
    );
    const read = await office.request(
      'POST',
      '/api/v1/targets/benchmarks/import',
      new Uint8Array(english),
      xlsx,
    );
    expect(read.body).toEqual({ imported: 1 });
    expect(
      (
        await (
          await t.as('dept')
        ).request('POST', '/api/v1/targets/benchmarks/import', new Uint8Array(sheet), xlsx)
      ).status,
    ).toBe(403);
  });
});
