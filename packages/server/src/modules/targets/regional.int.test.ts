import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import type { RegionalReport } from './contracts/regional.js';

const fixture = fileURLToPath(
  new URL('../../../../../test/fixtures/regional/prefecture_gdp_wuling_2000_2020.csv', import.meta.url),
);

let t: TestContext;
let office: TestClient;
beforeAll(async () => {
  t = await createTestContext();
  office = await t.as('office');
});
afterAll(() => t.close());

describe('the regional comparison report', () => {
  it('ranks the district among the Wuling central cities by entropy weights, with gaps and trends', async () => {
    const res = await office.get<RegionalReport>('/api/v1/targets/regional/report?year=2019&method=entropy');
    expect(res.status).toBe(200);
    const r = res.body;
    expect(r.weights.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 9);
    const names = r.rows.map((x) => x.regionName);
    expect(names).toEqual(
      expect.arrayContaining(['黔江区', '恩施土家族苗族自治州', '宜昌市', '遵义市', '铜仁市']),
    );
    expect(r.excluded.map((e) => e.regionName)).toEqual([]);
    expect(names).not.toContain('重庆市');
    // 宜昌 has the largest GDP of the group in 2019 (4,460 亿元 in the source data).
    expect(r.gaps.find((g) => g.metric === 'Gdpct01')!.bestRegion).toBe('宜昌市');
    expect(r.rows.map((x) => x.rank)).toEqual([...r.rows.map((x) => x.rank)].sort((a, b) => a - b));
    expect(r.demoRegions).toEqual(['黔江区']);
    expect(r.trends[0]!.series.find((s) => s.isSelf)!.points.length).toBe(11);
  });

  it('takes AHP judgements (reporting consistency) and hand-set weights', async () => {
    const ahp = await office.get<RegionalReport>(
      '/api/v1/targets/regional/report?year=2019&method=ahp&metrics=Gdpct01,city_rgdp,Gdpct04&ahp=3,5,2',
    );
    expect(ahp.body.consistency!.consistent).toBe(true);
    expect(ahp.body.weights[0]).toBeGreaterThan(ahp.body.weights[1]!);
    const manual = await office.get<RegionalReport>(
      '/api/v1/targets/regional/report?year=2019&method=manual&metrics=Gdpct01,Gdpct02&weights=1,0',
    );
    const top = manual.body.rows[0]!;
    expect(top.regionName).toBe('宜昌市');
    expect(top.score).toBe(100);
    const bad = await office.get(
      '/api/v1/targets/regional/report?year=2019&method=ahp&metrics=Gdpct01,Gdpct02&ahp=3,5',
    );
    expect(bad.status).toBe(400);
  });

  it('exports print-ready HTML and a workbook', async () => {
    const html = await office.get<string>('/api/v1/targets/regional/report.html?year=2019');
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(html.body).toContain('武陵山区中心城市经济社会发展水平分析报告（2019年）');
    expect(html.body).toContain('@page');
    expect(html.body).not.toContain('<script');
    const xlsx = await office.get<Uint8Array>('/api/v1/targets/regional/report.xlsx?year=2019');
    expect(xlsx.status).toBe(200);
    expect(xlsx.body.byteLength).toBeGreaterThan(3000);
  });

  it('imports the CSMAR-style CSV again idempotently, office only, and audits it', async () => {
    const csv = readFileSync(fixture, 'utf8');
    const dept = await t.as('dept');
    expect(
      (await dept.request('POST', '/api/v1/targets/regional/import', csv, { 'content-type': 'text/csv' }))
        .status,
    ).toBe(403);
    const res = await office.request<{ regions: number; values: number }>(
      'POST',
      '/api/v1/targets/regional/import?source=test',
      csv,
      {
        'content-type': 'text/csv',
      },
    );
    expect(res.status).toBe(200);
    expect(res.body.regions).toBe(12);
    const bad = await office.request('POST', '/api/v1/targets/regional/import', 'a,b\n1,2', {
      'content-type': 'text/csv',
    });
    expect(bad.status).toBe(400);
  });
});
