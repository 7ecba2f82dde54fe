import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSheet } from '../../excel/workbook.js';
import { xlsxMediaType } from '../../http/upload.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { makeDistrict, signedIn } from '../../test-support/factories.js';
import type { Indicator } from './contracts/library.js';
import type { Plan } from './contracts/plans.js';
import { indicatorColumns } from './excel.js';
import { targetIndicators, targetScorecards } from './schema.js';
import { planBody } from './test-helpers.js';

const xlsx = { 'content-type': xlsxMediaType };
let t: TestContext;
let office: TestClient;
let dept: TestClient;
let indicator: Indicator;
let unit: string;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  const tree = await makeDistrict(t);
  office = await signedIn(t, 'admin', tree.district);
  dept = await signedIn(t, 'department_staff', tree.department);
  unit = tree.department.id;
  const created = await office.post<Indicator>('/api/v1/targets/indicators', {
    code: 'DIR-001',
    name: '方向测试指标',
    measure: '个',
    direction: 'higher',
    category: 'economy',
    source: '区统计局',
    frequency: 'monthly',
  });
  expect(created.status).toBe(201);
  indicator = created.body;
});
afterAll(() => t.close());

interface Problem {
  code: string;
  errors: Array<{ path: string; code: string; params?: Record<string, unknown> }>;
}
const flip = (direction: 'higher' | 'lower') =>
  office.patch<Indicator & Problem>(`/api/v1/targets/indicators/${indicator.id}`, { direction });
const stored = async () =>
  (await t.database.db.select().from(targetIndicators).where(eq(targetIndicators.id, indicator.id)))[0]!;
const importRow = async (row: Record<string, string>) =>
  office.request<Problem & { updated: number }>(
    'POST',
    '/api/v1/targets/indicators/import',
    new Uint8Array(
      await writeSheet('指标库', indicatorColumns, [
        {
          code: 'DIR-001',
          name: '方向测试指标',
          measure: '个',
          category: '经济',
          source: '区统计局',
          ...row,
        },
      ]),
    ),
    xlsx,
  );

describe('an indicator’s direction', () => {
  it('may change while no approved plan uses it, the fields not given kept', async () => {
    expect((await flip('lower')).status).toBe(200);
    expect((await flip('higher')).status).toBe(200);
    expect(await stored()).toMatchObject({ frequency: 'monthly', source: '区统计局' });
  });

  it('stays while a submitted plan awaits approval: its targets were checked against it', async () => {
    const plan = (await dept.post<Plan>('/api/v1/targets/plans', planBody(unit, [indicator], 2027))).body;
    expect((await dept.post(`/api/v1/targets/plans/${plan.id}/submit`)).status).toBe(200);
    const refused = await flip('lower');
    expect(refused.status).toBe(409);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ path: 'direction', code: 'direction_in_use', params: { year: 2027 } }),
    ]);
    expect((await stored()).direction).toBe('higher');
    expect((await office.post(`/api/v1/targets/plans/${plan.id}/approve`)).status).toBe(200);
  });

  it('stays, by form or by import, while an approved plan of a year still being scored uses it', async () => {
    const refused = await flip('lower');
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('CONFLICT');
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ path: 'direction', code: 'direction_in_use', params: { year: 2027 } }),
    ]);
    expect((await stored()).direction).toBe('higher');
    // Its other fields still change.
    const renamed = await office.patch<Indicator>(`/api/v1/targets/indicators/${indicator.id}`, {
      name: '方向测试指标（调整）',
    });
    expect(renamed.status).toBe(200);
    const imported = await importRow({ direction: '越低越好', frequency: '月度' });
    expect(imported.status).toBe(400);
    expect(imported.body.errors).toEqual([
      expect.objectContaining({
        path: 'row 2.direction',
        code: 'direction_in_use',
        params: expect.objectContaining({ year: 2027 }),
      }),
    ]);
    expect((await stored()).direction).toBe('higher');
  });

  it('changes again once the year’s last quarter is published', async () => {
    await t.database.db
      .insert(targetScorecards)
      .values({ period: '2027Q4', status: 'published', result: { categories: [] }, publishedAt: new Date() });
    expect((await flip('lower')).status).toBe(200);
    expect((await stored()).direction).toBe('lower');
  });
});

describe('an indicator imported with a blank frequency', () => {
  it('keeps the frequency it has', async () => {
    expect((await stored()).frequency).toBe('monthly');
    const res = await importRow({ direction: '越低越好', frequency: '' });
    expect(res.status).toBe(200);
    expect((await stored()).frequency).toBe('monthly');
  });
});
