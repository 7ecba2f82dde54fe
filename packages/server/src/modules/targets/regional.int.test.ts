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
    // Self-contained, so nothing may load at all: its own policy, not the app's, which replaced it.
    expect(html.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'");
    const xlsx = await office.get<Uint8Array>('/api/v1/targets/regional/report.xlsx?year=2019');
    expect(xlsx.status).toBe(200);
    expect(xlsx.body.byteLength).toBeGreaterThan(3000);
  });

  it("prints the report in the reader's language, the Chinese one as it was", async () => {
    const query = 'year=2019&method=ahp&metrics=Gdpct01,city_rgdp,Gdpct04&ahp=3,5,2';
    const ask = <T>(path: string, lang?: string) =>
      office.request<T>('GET', path, undefined, lang ? { 'accept-language': lang } : {});
    const en = await ask<string>(`/api/v1/targets/regional/report.html?${query}`, 'en');
    expect(en.status).toBe(200);
    const e = en.body;
    expect(e).toContain('<html lang="en">');
    expect(e).toContain(
      '<h1>Economic and social development of the central cities of the Wuling Mountains region: analysis report (2019)</h1>',
    );
    expect(e).toContain(
      '<h2>1. Ranking</h2><table><tr><th>Rank</th><th>Region</th><th>GDP<br><small>100 million yuan</small></th><th>Real GDP (2010 prices)<br><small>100 million yuan</small></th><th>Tertiary sector share<br><small>%</small></th><th>Composite index</th></tr>',
    );
    expect(e).toContain(
      '<h2>2. Gaps by indicator</h2><table><tr><th>Indicator</th><th>District</th><th>Best</th><th>Best region</th><th>Mean</th><th>Gap to best</th><th>Gap to mean</th><th>District rank</th></tr><tr><td>GDP</td>',
    );
    expect(e).toContain('<h2>3. Trends</h2><h3>GDP (100 million yuan)</h3><table><tr><th>Region</th>');
    expect(e).toMatch(
      /Method of the composite evaluation: Analytic hierarchy process\. Weights: GDP [\d.]+%; Real GDP \(2010 prices\) [\d.]+%; Tertiary sector share [\d.]+%\. Consistency ratio CR = [\d.]+ \(passes the consistency test\)\. Composite index = 100 × Σ weight/,
    );
    expect(e).toContain('title="Published statistics"');
    expect(e).toContain('Data sources: Economic statistics of the Wuling Mountain');
    expect(e).toContain(
      '; Demo data (generated). Of these, 黔江区: demo data (generated), not real statistics.',
    );
    for (const word of [
      '综合排名',
      '分指标差距',
      '发展趋势',
      '综合指数',
      '地区生产总值',
      '亿元',
      '公开统计',
      '数据来源',
    ])
      expect(e).not.toContain(word);
    // Only the regions' names stay in Chinese: the data set has no other names for them.
    const r = (await ask<RegionalReport>(`/api/v1/targets/regional/report?${query}`, 'en')).body;
    const names = [
      ...r.rows.map((x) => x.regionName),
      ...r.excluded.map((x) => x.regionName),
      ...r.trends.flatMap((x) => x.series.map((s) => s.regionName)),
    ].sort((a, b) => b.length - a.length);
    const rest = names.reduce((text, name) => text.replaceAll(name, ''), e);
    expect(rest).not.toMatch(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/);

    const zh = await ask<string>(`/api/v1/targets/regional/report.html?${query}`, 'zh-CN');
    const z = zh.body;
    expect(z).toBe((await ask<string>(`/api/v1/targets/regional/report.html?${query}`)).body);
    expect(z).toContain(
      '<html lang="zh-CN"><head><meta charset="utf-8"><title>武陵山区中心城市经济社会发展水平分析报告 2019</title>',
    );
    expect(z).toContain('<h1>武陵山区中心城市经济社会发展水平分析报告（2019年）</h1>');
    expect(z).toContain(
      '<h2>一、综合排名</h2><table><tr><th>排名</th><th>地区</th><th>地区生产总值<br><small>亿元</small></th><th>实际地区生产总值（2010年价）<br><small>亿元</small></th><th>第三产业占比<br><small>%</small></th><th>综合指数</th></tr>',
    );
    expect(z).toContain(
      '<h2>二、分指标差距</h2><table><tr><th>指标</th><th>本区</th><th>最优值</th><th>最优地区</th><th>平均值</th><th>与最优差距</th><th>与平均差距</th><th>本区位次</th></tr>',
    );
    expect(z).toContain('<h2>三、发展趋势</h2><h3>地区生产总值（亿元）</h3><table><tr><th>地区</th>');
    expect(z).toMatch(
      /综合评价方法：层次分析法。权重：地区生产总值 [\d.]+%；实际地区生产总值（2010年价） [\d.]+%；第三产业占比 [\d.]+%。一致性比率 CR = [\d.]+（通过一致性检验）。综合指数 = 100 × Σ 权重/,
    );
    expect(z).toContain('数值来源：未标注者为公开统计；† 区填报；* 演示生成（非真实统计）。');
    expect(z).toContain('其中黔江区为演示数据（生成），非真实统计。');
    for (const word of ['Ranking', 'Composite index', 'Region', 'GDP']) expect(z).not.toContain(word);
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
