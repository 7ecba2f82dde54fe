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

const path = '/api/v1/targets/regional/self-values';
const self = async () =>
  (
    await office.get<RegionalReport>(
      '/api/v1/targets/regional/report?year=2019&metrics=Gdpct02,Gdpct03,Gdpct04',
    )
  ).body.rows.find((x) => x.isSelf)!.values;
const send = (values: Array<{ metric: string; value: number }>) =>
  office.request<{
    code: string;
    errors?: Array<{ path: string; message: string; code: string; params?: object }>;
  }>('PUT', path, { year: 2019, values });

describe('the three sector shares the office enters', () => {
  it('are refused when together above 100 %, naming the fields and the sum, and nothing is written', async () => {
    const before = await self();
    const res = await send([
      { metric: 'Gdpct02', value: 60 },
      { metric: 'Gdpct03', value: 60 },
      { metric: 'Gdpct04', value: 60 },
    ]);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ path: 'values', code: 'sector_shares_over_100', params: { sum: 180 } }),
    ]);
    for (const field of ['Gdpct02', 'Gdpct03', 'Gdpct04'])
      expect(res.body.errors?.[0]?.message).toContain(field);
    expect(await self()).toEqual(before);
  });

  it('are taken when they add up to 100 give or take rounding', async () => {
    const res = await send([
      { metric: 'Gdpct02', value: 10.2 },
      { metric: 'Gdpct03', value: 40.2 },
      { metric: 'Gdpct04', value: 50 },
    ]);
    expect(res.status).toBe(200);
    expect(await self()).toEqual([10.2, 40.2, 50]);
  });
});
