import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { auditOf } from '../../test-support/audit-of.js';
import type { RegionalReport } from './contracts/regional.js';

let t: TestContext;
let office: TestClient;
beforeAll(async () => {
  t = await createTestContext();
  office = await t.as('office');
});
afterAll(() => t.close());

const path = '/api/v1/targets/regional/self-values';
const report = async () =>
  (
    await office.get<RegionalReport>(
      '/api/v1/targets/regional/report?year=2018&metrics=Gdpct01,Gdpct02,Gdpct03,Gdpct04',
    )
  ).body;
const self = (r: RegionalReport) => r.rows.find((x) => x.isSelf)!;

describe('the office enters the district’s own statistics', () => {
  it('refuses a share over 100 and a repeated indicator with a translated problem, writing nothing', async () => {
    const before = self(await report());
    const send = (values: unknown, lang = 'zh-CN') =>
      office.request<{ title: string; errors?: Array<{ path: string }> }>(
        'PUT',
        path,
        { year: 2018, values },
        { 'accept-language': lang },
      );
    const share = await send([
      { metric: 'Gdpct01', value: 230 },
      { metric: 'Gdpct02', value: 150 },
    ]);
    expect(share.status).toBe(400);
    expect(share.headers.get('content-type')).toContain('application/problem+json');
    expect(share.body.title).toBe('提交的内容有误');
    expect(share.body.errors?.[0]?.path).toBe('values.1.value');
    const repeated = await send(
      [
        { metric: 'Gdpct01', value: 230 },
        { metric: 'Gdpct01', value: 231 },
      ],
      'en',
    );
    expect(repeated.status).toBe(400);
    expect(repeated.body.title).toBe('The request is invalid');
    expect(self(await report())).toEqual(before);
    const dept = await t.as('dept');
    expect((await dept.put(path, { year: 2018, values: [{ metric: 'Gdpct01', value: 1 }] })).status).toBe(
      403,
    );
  });

  it('replaces generated values with entered ones, audited, and the report says so', async () => {
    const values = [
      { metric: 'Gdpct01', value: 230.7 },
      { metric: 'Gdpct02', value: 12.1 },
      { metric: 'Gdpct03', value: 38.4 },
      { metric: 'Gdpct04', value: 49.5 },
    ];
    const res = await office.put<{ year: number; values: number }>(path, { year: 2018, values });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ year: 2018, values: 4 });
    const r = await report();
    expect(self(r).values).toEqual([230.7, 12.1, 38.4, 49.5]);
    expect(self(r).provenance).toEqual(['entered', 'entered', 'entered', 'entered']);
    expect(r.selfGenerated).toEqual([]);
    expect(r.sources).toContain('黔江区统计数据（区填报）');
    expect(await auditOf(t, self(r).regionId)).toContain('regional.enter');
    // Other years keep their generated values until the office enters them too.
    const other = await office.get<RegionalReport>('/api/v1/targets/regional/report?year=2017');
    expect(other.body.selfGenerated.length).toBeGreaterThan(0);
  });

  it('takes the district’s rows in the CSV import as entered values', async () => {
    const csv = [
      'Sgnyea,Ctnm_id,name_zh,Gdpct01,Gdpct02,Gdpct03,Gdpct04',
      '2016,500114,黔江区,213.4,11.9,41.3,46.8',
    ].join('\n');
    const res = await office.request('POST', '/api/v1/targets/regional/import?source=黔江区统计年鉴', csv, {
      'content-type': 'text/csv',
    });
    expect(res.status).toBe(200);
    const r = (
      await office.get<RegionalReport>(
        '/api/v1/targets/regional/report?year=2016&metrics=Gdpct01,Gdpct02,Gdpct03,Gdpct04',
      )
    ).body;
    const district = self(r);
    expect(district.regionName).toBe('黔江区');
    expect(district.values).toEqual([213.4, 11.9, 41.3, 46.8]);
    expect(district.provenance).toEqual(['entered', 'entered', 'entered', 'entered']);
    expect(r.rows.filter((x) => !x.isSelf).every((x) => x.provenance.every((p) => p === 'real'))).toBe(true);
  });
});
