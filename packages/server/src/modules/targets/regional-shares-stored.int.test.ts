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

const year = 2018;
const shares = async () =>
  (
    await office.get<RegionalReport>(
      `/api/v1/targets/regional/report?year=${year}&metrics=Gdpct02,Gdpct03,Gdpct04`,
    )
  ).body.rows.find((x) => x.isSelf)!.values;
const send = (values: Array<{ metric: string; value: number }>) =>
  office.request<{ code: string; errors?: Array<{ path: string; code: string; params?: object }> }>(
    'PUT',
    '/api/v1/targets/regional/self-values',
    { year, values },
  );

describe('the sector shares of a year, with those already stored', () => {
  it('are refused when one share entered alone takes the stored three above 100, and nothing is written', async () => {
    expect(
      (
        await send([
          { metric: 'Gdpct02', value: 10 },
          { metric: 'Gdpct03', value: 40 },
          { metric: 'Gdpct04', value: 45 },
        ])
      ).status,
    ).toBe(200);
    const res = await send([{ metric: 'Gdpct02', value: 20 }]);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ path: 'values', code: 'sector_shares_over_100', params: { sum: 105 } }),
    ]);
    expect(await shares()).toEqual([10, 40, 45]);
    // A correction that keeps the whole within 100 is taken.
    expect((await send([{ metric: 'Gdpct02', value: 14 }])).status).toBe(200);
    expect(await shares()).toEqual([14, 40, 45]);
  });

  it('lets only one of two entries through when each fits alone but not both together', async () => {
    expect((await send([{ metric: 'Gdpct02', value: 10 }])).status).toBe(200);
    const answers = await Promise.all([
      send([{ metric: 'Gdpct03', value: 44 }]),
      send([{ metric: 'Gdpct04', value: 50 }]),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 400]);
    const [primary, secondary, tertiary] = (await shares()) as number[];
    expect(primary! + secondary! + tertiary!).toBeLessThanOrEqual(100.5);
  });
});
