import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { makeDistrict, signedIn } from '../../test-support/factories.js';
import { loadWorkbook, sheetValues } from '../../test-support/workbook.js';
import type { ScorecardResult, ScorecardUnit } from './contracts/scorecards.js';
import { targetScorecards } from './schema.js';

let t: TestContext;
let office: TestClient;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  office = await signedIn(t, 'admin', (await makeDistrict(t)).district);
});
afterAll(() => t.close());

const year = 2031;
const ids = { steady: '00000000-0000-4000-8000-000000000001', once: '00000000-0000-4000-8000-000000000002' };
const never = { unitId: '00000000-0000-4000-8000-000000000003', unitCode: 'X3', unitName: '从未报送单位' };
const ranked = (unitId: string, unitName: string, rank: number, score: number): ScorecardUnit => ({
  unitId,
  unitCode: unitName,
  unitName,
  rank,
  categorySize: 2,
  score,
  tier: 'standard',
  progressed: false,
  rankDelta: null,
  scoreDelta: null,
  catchUpIndex: null,
  planned: 1,
  reported: 1,
  late: false,
});
const quarter = (units: ScorecardUnit[], unreported: ScorecardResult['categories'][0]['unreported']) => ({
  categories: [{ category: 'department' as const, units, unreported }],
});

describe('the year’s summary', () => {
  it('lists every unit a quarter ranked or named unreported, and averages over all the published quarters', async () => {
    const steady = ranked(ids.steady, '每季报送单位', 1, 80);
    await t.database.db.insert(targetScorecards).values([
      {
        period: `${year}Q1`,
        status: 'published',
        publishedAt: new Date(),
        result: quarter(
          [ranked(ids.once, '一季报送单位', 1, 95), { ...steady, rank: 2 }],
          [{ ...never, status: 'not_submitted' }],
        ),
      },
      {
        period: `${year}Q2`,
        status: 'published',
        publishedAt: new Date(),
        result: quarter(
          [steady],
          [
            { unitId: ids.once, unitCode: 'X2', unitName: '一季报送单位', status: 'returned' },
            { ...never, status: 'not_submitted' },
          ],
        ),
      },
      // A draft is not part of the year's record.
      {
        period: `${year}Q3`,
        status: 'draft',
        result: quarter([ranked(ids.once, '一季报送单位', 1, 100)], []),
      },
    ]);
    const res = await office.request<Uint8Array>('GET', `/api/v1/targets/evaluation/summary?year=${year}`);
    expect(res.status).toBe(200);
    const rows = await sheetValues(await loadWorkbook(res.body));
    const head = rows[0]!;
    const at = (name: string) => head.indexOf(name);
    expect(at('未排名季度数')).toBeGreaterThan(at('年度平均分'));
    const row = (name: string) => rows.find((r) => r[0] === name)!;
    const pick = (name: string) => ({
      mean: row(name)[at('年度平均分')],
      unreported: row(name)[at('未排名季度数')],
    });
    expect(pick('每季报送单位')).toEqual({ mean: 80, unreported: 0 });
    expect(pick('一季报送单位')).toEqual({ mean: 47.5, unreported: 1 });
    expect(pick('从未报送单位')).toEqual({ mean: 0, unreported: 2 });
    // Highest mean first: reporting every quarter is not outranked by one good quarter.
    expect(rows.slice(1).map((r) => r[0])).toEqual(['每季报送单位', '一季报送单位', '从未报送单位']);
  });
});
