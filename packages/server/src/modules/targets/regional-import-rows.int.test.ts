import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { makeDistrict, signedIn } from '../../test-support/factories.js';
import { targetRegionalValues } from './schema.js';

let t: TestContext;
let office: TestClient;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  const tree = await makeDistrict(t);
  office = await signedIn(t, 'admin', tree.district);
});
afterAll(() => t.close());

const upload = (csv: string) =>
  office.request<{ errors: Array<{ path: string; code: string; params?: Record<string, unknown> }> }>(
    'POST',
    '/api/v1/targets/regional/import?source=test',
    csv,
    { 'content-type': 'text/csv' },
  );

describe('importing regional statistics', () => {
  it('names a cell that is not a number and a region’s year given twice, row by row, and writes nothing', async () => {
    const res = await upload(
      [
        'Sgnyea,Ctnm_id,name_zh,Gdpct01,GDP_PerCapita',
        '2020,500100,甲市,1000,约五万',
        '2020,500200,乙市,900,50000',
        '2020,500200,乙市,901,50001',
        '2020,500300,丙市,NA,',
      ].join('\n'),
    );
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ path: 'row 2.GDP_PerCapita', code: 'not_a_number' }),
      expect.objectContaining({
        path: 'row 4.Sgnyea',
        code: 'duplicate_of_row',
        params: expect.objectContaining({ row: 3 }),
      }),
    ]);
    expect(await t.database.db.select().from(targetRegionalValues)).toEqual([]);
  });

  it('knows a region’s year written two ways (2020 and 2020.0, a city code as 500200.0) for one', async () => {
    const res = await upload(
      [
        'Sgnyea,Ctnm_id,name_zh,Gdpct01',
        '2020,500200,乙市,900',
        '2021,500200,乙市,910',
        '2020.0,500200.0,乙市,901',
      ].join('\n'),
    );
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        path: 'row 4.Sgnyea',
        code: 'duplicate_of_row',
        params: expect.objectContaining({ row: 2 }),
      }),
    ]);
    expect(await t.database.db.select().from(targetRegionalValues)).toEqual([]);
  });

  it('takes the file once each region’s year is given once and every cell is a number, empty or NA', async () => {
    const res = await upload(
      [
        'Sgnyea,Ctnm_id,name_zh,Gdpct01,GDP_PerCapita',
        '2020,500200,乙市,900,50000',
        '2021,500200,乙市,NA,',
      ].join('\n'),
    );
    expect(res.status).toBe(200);
    expect(
      (await t.database.db.select().from(targetRegionalValues)).map((v) => v.value).sort((a, b) => a - b),
    ).toEqual([900, 50000]);
  });
});
