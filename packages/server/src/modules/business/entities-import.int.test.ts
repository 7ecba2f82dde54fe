import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSheet } from '../../excel/workbook.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { sheetRows } from '../../test-support/workbook.js';
import { entitiesByMonth, entitiesColumns, monthOf } from './entities-sheet.js';
import { type Problem, xlsxType } from './test-helpers.js';

let t: TestContext;
let office: TestClient;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users'] });
  office = await t.as('office');
});
afterAll(() => t.close());

const workbook = (rows: Array<Record<string, string>>) => writeSheet('新增市场主体', entitiesColumns, rows);
const send = async (client: TestClient, rows: Array<Record<string, string>>) =>
  client.request<Problem & { created: number; updated: number; unchanged: number }>(
    'POST',
    '/api/v1/business/market-entities/import',
    await workbook(rows),
    xlsxType,
  );

describe('importing the monthly new market entities', () => {
  it('reads months as staff write them', () => {
    expect(
      ['2026-01', '2026-1-01', '2026/3', '2026.12', '2026年2月', '2026-02-01T00:00:00.000Z'].map(monthOf),
    ).toEqual(['2026-01', '2026-01', '2026-03', '2026-12', '2026-02', '2026-02']);
    expect(monthOf('2026-13')).toBeUndefined();
    expect(monthOf('一月')).toBeUndefined();
  });

  it('adds months, replaces a changed one, and changes nothing the second time', async () => {
    const rows = [
      { month: '2026年1月', count: '352' },
      { month: '2026-02', count: '388' },
    ];
    let res = await send(office, rows);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ created: 2, updated: 0, unchanged: 0 });
    res = await send(office, [rows[0]!, { month: '2026-02', count: '1,390' }]);
    expect(res.body).toEqual({ created: 0, updated: 1, unchanged: 1 });
    expect(Object.fromEntries(await entitiesByMonth(t.database.db))).toEqual({
      '2026-01': 352,
      '2026-02': 1390,
    });
  });

  it('rejects a file with bad rows, naming each row and column, and writes nothing', async () => {
    const res = await send(office, [
      { month: '2026-03', count: '500' },
      { month: '三月', count: '-1' },
      { month: '2026-03', count: '10' },
    ]);
    expect(res.status).toBe(400);
    expect(res.body.errors?.map((e) => [e.path, e.code])).toEqual([
      ['row 3.month', 'invalid_month'],
      ['row 3.count', 'not_a_count'],
      ['row 4.month', 'duplicate_of_row'],
    ]);
    expect((await entitiesByMonth(t.database.db)).has('2026-03')).toBe(false);
  });

  it('is for the district office only, and offers its template to staff', async () => {
    expect((await send(await t.as('supervisor'), [{ month: '2026-04', count: '1' }])).status).toBe(403);
    const template = await office.get<Uint8Array>('/api/v1/business/market-entities/template');
    expect((await sheetRows(template.body))[0]).toEqual(['月份', '新增市场主体（户）']);
  });
});
