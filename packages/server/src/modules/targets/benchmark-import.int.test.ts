import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSheet } from '../../excel/workbook.js';
import { xlsxMediaType } from '../../http/upload.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { makeDistrict, signedIn } from '../../test-support/factories.js';
import { makeIndicator } from '../../test-support/factories-targets.js';
import { benchmarkColumns } from './excel.js';
import { targetBenchmarks } from './schema.js';

type Problem = { code: string; errors: Array<{ path: string; code: string; params?: object }> };

const xlsx = { 'content-type': xlsxMediaType };
let t: TestContext;
let office: TestClient;
let indicator: { code: string };
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  office = await signedIn(t, 'admin', (await makeDistrict(t)).district);
  indicator = await makeIndicator(office);
  const region = await office.post('/api/v1/targets/regions', { code: 'FL', name: '涪陵区', kind: 'peer' });
  expect(region.status).toBe(201);
});
afterAll(() => t.close());

const stored = async () =>
  (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(targetBenchmarks))[0]!.n;
const row = (regionCode: string, indicatorCode: string, period = '2026Q2') => ({
  regionCode,
  indicatorCode,
  period,
  value: 1,
  source: '统计公报',
});
const send = async (rows: ReturnType<typeof row>[]) =>
  office.request<Problem>(
    'POST',
    '/api/v1/targets/benchmarks/import',
    new Uint8Array(await writeSheet('标杆值', benchmarkColumns, rows)),
    xlsx,
  );

describe('a benchmark workbook with rows at fault', () => {
  it('names the cell of a code no region or indicator has, with the code, or left blank, and writes nothing', async () => {
    const res = await send([
      row('FL', indicator.code),
      row('XX', indicator.code),
      row('FL', 'NO-SUCH'),
      row('', indicator.code),
    ]);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        path: 'row 3.regionCode',
        code: 'unknown_region',
        params: { value: 'XX', column: '地区编码' },
      }),
      expect.objectContaining({
        path: 'row 4.indicatorCode',
        code: 'unknown_indicator',
        params: { value: 'NO-SUCH', column: '指标编码' },
      }),
      expect.objectContaining({
        path: 'row 5.regionCode',
        code: 'required',
        params: expect.objectContaining({ column: '地区编码' }),
      }),
    ]);
    expect(await stored()).toBe(0);
  });

  it('names the row a repeated value first stood on, and writes nothing', async () => {
    const res = await send([row('FL', indicator.code), row('FL', indicator.code)]);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ path: 'row 3', code: 'duplicate_of_row', params: { row: 2 } }),
    ]);
    expect(await stored()).toBe(0);
  });
});
