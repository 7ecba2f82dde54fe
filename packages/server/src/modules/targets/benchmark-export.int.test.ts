import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xlsxMediaType } from '../../http/upload.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { sheetOf } from '../../test-support/workbook.js';
import type { Indicator, Region } from './contracts/library.js';
import { targetBenchmarks } from './schema.js';

const xlsx = { 'content-type': xlsxMediaType };
let t: TestContext;
let office: TestClient;
let fl: Region;
let gdp: Indicator;
beforeAll(async () => {
  t = await createTestContext();
  office = await t.as('office');
  fl = (await office.get<Region[]>('/api/v1/targets/regions')).body.find((r) => r.code === 'FL')!;
  gdp = (await office.get<{ items: Indicator[] }>('/api/v1/targets/indicators?q=ECO-001')).body.items[0]!;
  // A year and a quarter, a figure no shorter decimal writes, and a source with punctuation.
  for (const [period, value, source] of [
    ['2025', 1234.5678, '涪陵区统计公报（2025）'],
    ['2026Q2', 0.1 + 0.2, 'Bulletin, Q2'],
  ] as const) {
    const set = await office.request('PUT', '/api/v1/targets/benchmarks', {
      regionId: fl.id,
      indicatorId: gdp.id,
      period,
      value,
      source,
    });
    expect(set.status).toBe(204);
  }
});
afterAll(() => t.close());

const stored = async () =>
  (
    await t.database.db
      .select()
      .from(targetBenchmarks)
      .orderBy(
        asc(targetBenchmarks.regionId),
        asc(targetBenchmarks.indicatorId),
        asc(targetBenchmarks.period),
      )
  ).map(({ updatedAt: _, ...row }) => row);
const download = (path: string, language: string, client = office) =>
  client.request<Uint8Array>('GET', `/api/v1/targets/benchmarks/${path}`, undefined, {
    'accept-language': language,
  });
const headers = async (file: Uint8Array) => ((await sheetOf(file)).getRow(1).values as unknown[]).slice(1);

describe('the benchmark values as a workbook', () => {
  it.each([
    ['zh-CN', '标杆值', ['地区编码', '指标编码', '期间', '数值', '来源']],
    ['en', 'Benchmarks', ['Region code', 'Indicator code', 'Period', 'Value', 'Source']],
  ])(
    'hands out the import template headed in %s, with no row to import by mistake',
    async (language, name, expected) => {
      const file = await download('template', language);
      expect(file.status).toBe(200);
      const sheet = await sheetOf(file.body);
      expect(sheet.name).toBe(name);
      expect(await headers(file.body)).toEqual(expected);
      expect(sheet.actualRowCount).toBe(1);
    },
  );

  it.each([
    ['zh-CN', '标杆值', ['地区编码', '地区名称', '指标编码', '指标名称', '期间', '数值', '来源']],
    [
      'en',
      'Benchmarks',
      ['Region code', 'Region name', 'Indicator code', 'Indicator name', 'Period', 'Value', 'Source'],
    ],
  ])(
    'exports every value in %s by names and codes, and imports back unchanged',
    async (language, name, expected) => {
      const before = await stored();
      const file = await download('export', language);
      expect(file.status).toBe(200);
      const sheet = await sheetOf(file.body);
      expect(sheet.name).toBe(name);
      expect(await headers(file.body)).toEqual(expected);
      expect(sheet.actualRowCount - 1).toBe(before.length);
      const texts = sheet
        .getRows(2, sheet.rowCount - 1)!
        .map((r) => (r.values as unknown[]).slice(1).map(String))
        .filter((r) => r[0] === 'FL' && r[2] === 'ECO-001');
      expect(texts).toEqual(
        expect.arrayContaining([
          ['FL', fl.name, 'ECO-001', gdp.name, '2025', '1234.5678', '涪陵区统计公报（2025）'],
          ['FL', fl.name, 'ECO-001', gdp.name, '2026Q2', String(0.1 + 0.2), 'Bulletin, Q2'],
        ]),
      );
      const again = await office.request('POST', '/api/v1/targets/benchmarks/import', file.body, xlsx);
      expect(again.body).toEqual({ imported: before.length });
      expect(await stored()).toEqual(before);
    },
  );

  it('is read by any member of staff and by nobody signed out', async () => {
    for (const login of ['dept', 'supervisor']) {
      const client = await t.as(login);
      expect((await download('export', 'zh-CN', client)).status).toBe(200);
      expect((await download('template', 'zh-CN', client)).status).toBe(200);
    }
    expect((await download('export', 'zh-CN', t.client())).status).toBe(401);
    expect((await download('template', 'zh-CN', t.client())).status).toBe(401);
  });
});
