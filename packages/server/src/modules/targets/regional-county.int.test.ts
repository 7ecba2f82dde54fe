import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import type { RegionalReport } from './contracts/regional.js';

let t: TestContext;
let office: TestClient;
beforeAll(async () => {
  t = await createTestContext();
  office = await t.as('office');
});
afterAll(() => t.close());

const metrics = 'Gdpct01,Gdpct02';
const countyReport = async () =>
  (
    await office.get<RegionalReport>(
      `/api/v1/targets/regional/report?year=2019&level=county&metrics=${metrics}`,
    )
  ).body;

describe('county-level peers', () => {
  it('lists the gazetteer’s counties by name, leaving out of the ranking those without values', async () => {
    const r = await countyReport();
    expect(r.level).toBe('county');
    const names = r.excluded.map((e) => e.regionName);
    expect(names).toEqual(expect.arrayContaining(['酉阳土家族苗族自治县', '铜仁市碧江区', '涪陵区']));
    expect(names).not.toContain('黔江区');
    expect(names.some((n) => /\d/.test(n))).toBe(false);
    expect(r.rows).toEqual([]);
    const prefecture = (await office.get<RegionalReport>('/api/v1/targets/regional/report?year=2019')).body;
    expect(prefecture.rows.map((x) => x.regionName)).not.toContain('酉阳土家族苗族自治县');
  });

  it('ranks a county once the office enters its values, marked entered', async () => {
    const youyang = (await countyReport()).excluded.find((e) => e.regionName === '酉阳土家族苗族自治县')!;
    expect(youyang.missing).toEqual(['Gdpct01', 'Gdpct02']);
    const regions = await office.get<Array<{ id: string; name: string }>>('/api/v1/targets/regions');
    const id = regions.body.find((x) => x.name === '酉阳土家族苗族自治县')!.id;
    const res = await office.put('/api/v1/targets/regional/self-values', {
      regionId: id,
      year: 2019,
      values: [
        { metric: 'Gdpct01', value: 188.2 },
        { metric: 'Gdpct02', value: 17.4 },
      ],
    });
    expect(res.status).toBe(200);
    const r = await countyReport();
    const row = r.rows.find((x) => x.regionName === '酉阳土家族苗族自治县')!;
    expect(row.values).toEqual([188.2, 17.4]);
    expect(row.provenance).toEqual(['entered', 'entered']);
    expect(r.rows.find((x) => x.isSelf)!.provenance).toEqual(['generated', 'generated']);
    expect(r.excluded.map((e) => e.regionName)).not.toContain('酉阳土家族苗族自治县');
    // A prefecture-level city is not the office's to type over.
    const yichang = regions.body.find((x) => x.name === '宜昌市')!.id;
    const refused = await office.put('/api/v1/targets/regional/self-values', {
      regionId: yichang,
      year: 2019,
      values: [{ metric: 'Gdpct01', value: 1 }],
    });
    expect(refused.status).toBe(404);
  });
});
