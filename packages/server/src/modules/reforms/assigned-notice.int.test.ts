import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import type { ReformProject } from './contracts.js';
import { staffOf, unitId } from './test-helpers.js';

let t: TestContext;
let office: TestClient;
let dept: TestClient;

beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users'] });
  office = await t.as('office');
  dept = await t.as('dept');
});
afterAll(() => t.close());

type Notice = { key: string; params: Record<string, unknown> };
const assigned = async (client: TestClient) =>
  (await client.get<Notice[]>('/api/v1/inbox')).body.filter((n) => n.key === 'reforms.notice.assigned');

describe('a project the reform office creates', () => {
  it('tells the lead unit’s staff it is theirs to lead, with its deadline; no other unit hears of it', async () => {
    const other = await staffOf(t, 'QJ-D02', 'reform.other');
    const list = await office.post<{ id: string }>('/api/v1/reforms/lists', { name: '通知测试清单' });
    const created = await office.post<ReformProject>('/api/v1/reforms/projects', {
      code: 'QJGG-N001',
      name: '政务服务一窗通办',
      listId: list.body.id,
      source: 'local',
      leadUnitId: await unitId(t, 'QJ-D01'),
      startDate: '2026-01-01',
      endDate: '2026-12-31',
    });
    expect(created.status).toBe(201);
    expect((await assigned(dept)).map((n) => n.params)).toEqual([
      { projectId: created.body.id, projectName: '政务服务一窗通办', endDate: '2026-12-31' },
    ]);
    expect(await assigned(other)).toEqual([]);
    expect(await assigned(office)).toEqual([]);
  });
});
