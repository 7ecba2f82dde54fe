import { greyRelationalAnalysis, topsis } from '@qianxing/core/scoring';
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

const report = (method: string) =>
  office.get<RegionalReport>(
    `/api/v1/targets/regional/report?year=2019&method=${method}&metrics=Gdpct01,city_rgdp,Gdpct04,Gdpct02`,
  );
const round = (x: number) => Math.round(x * 10000) / 100;

describe('TOPSIS and grey relational analysis in the regional report', () => {
  it('scores TOPSIS as closeness to the ideal, with the entropy weights', async () => {
    const [res, entropy] = [await report('topsis'), await report('entropy')];
    expect(res.status).toBe(200);
    const r = res.body;
    expect(r.method).toBe('topsis');
    expect(r.weights).toEqual(entropy.body.weights);
    const types = r.metrics.map((m) => m.direction as 1 | -1);
    const expected = topsis({ matrix: r.rows.map((x) => x.values), weights: r.weights, types });
    expect(r.rows.map((x) => x.score)).toEqual(expected.closeness.map(round));
    expect(r.rows.map((x) => x.rank)).toEqual(expected.rank);
    // 宜昌, by far the largest economy of the group in 2019, is nearest the ideal.
    expect(r.rows[0]!.regionName).toBe('宜昌市');
    const html = await office.get<string>('/api/v1/targets/regional/report.html?year=2019&method=topsis');
    expect(html.body).toContain('TOPSIS 逼近理想解排序法');
  });

  it('scores GRA as the weighted grey relational grade against the best series', async () => {
    const res = await report('gra');
    expect(res.status).toBe(200);
    const r = res.body;
    expect(r.method).toBe('gra');
    const types = r.metrics.map((m) => m.direction as 1 | -1);
    const expected = greyRelationalAnalysis({
      matrix: r.rows.map((x) => x.values),
      weights: r.weights,
      types,
    });
    expect(r.rows.map((x) => x.score)).toEqual(expected.grades.map(round));
    expect(r.rows.every((x) => x.score > 0 && x.score <= 100)).toBe(true);
    const html = await office.get<string>('/api/v1/targets/regional/report.html?year=2019&method=gra');
    expect(html.body).toContain('灰色关联分析');
  });

  it('refuses a method it does not know with a translated problem', async () => {
    const ask = (lang: string) =>
      office.request<{ title: string }>(
        'GET',
        '/api/v1/targets/regional/report?year=2019&method=vikor',
        undefined,
        {
          'accept-language': lang,
        },
      );
    const [zh, en] = [await ask('zh-CN'), await ask('en')];
    expect(zh.status).toBe(400);
    expect(zh.headers.get('content-type')).toContain('application/problem+json');
    expect(zh.body.title).toBe('提交的内容有误');
    expect(en.body.title).toBe('The request is invalid');
  });
});

describe('the indicators of the comparison', () => {
  it('compares eight indicators by default, each with its direction, every Wuling city ranked', async () => {
    const r = (await office.get<RegionalReport>('/api/v1/targets/regional/report?year=2019')).body;
    expect(r.metrics.map((m) => [m.code, m.direction])).toEqual([
      ['Gdpct01', 1],
      ['city_rgdp', 1],
      ['GDP_PrimInd', 1],
      ['GDP_SecInd', 1],
      ['GDP_TerInd', 1],
      ['Gdpct02', -1],
      ['Gdpct03', 1],
      ['Gdpct04', 1],
    ]);
    expect(r.excluded).toEqual([]);
    expect(r.rows).toHaveLength(12);
    // The source's 万元 become 亿元: 宜昌's primary sector, 4,160,542 万元 in 2019.
    const yichang = r.rows.find((x) => x.regionName === '宜昌市')!;
    expect(yichang.values[2]).toBe(416.05);
    expect(yichang.provenance.every((p) => p === 'real')).toBe(true);
  });
});
