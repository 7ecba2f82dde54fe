import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { unitByCode } from '../units/api.js';
import type { RequestDetail, RequestPage, Supervision } from './contracts-requests.js';

let t: TestContext;
let firm: TestClient;
let office: TestClient;
let supervisor: TestClient;
let d01: string;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business'] });
  firm = await t.as('firm1');
  office = await t.as('office');
  supervisor = await t.as('supervisor');
  d01 = (await unitByCode(t.database.db, 'QJ-D01'))!.id;
});
afterAll(() => t.close());

const raise = async (title: string, body: string) => {
  const res = await firm.post<{ id: string }>('/api/v1/business/requests', {
    categoryCode: 'infrastructure',
    title,
    body,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
};
const detail = async (id: string) =>
  (await office.get<RequestDetail>(`/api/v1/business/requests/${id}`)).body;
const repeatedAtD01 = async () =>
  (await supervisor.get<Supervision>('/api/v1/business/supervision')).body.departments.find(
    (d) => d.departmentId === d01,
  )?.repeated ?? 0;

describe('纪委监督: a request raising again an issue its firm raised before', () => {
  it('is linked to the earlier request, counted on the dashboard and listed by its drill-down', async () => {
    const first = await raise(
      '厂区门口道路破损影响货车通行',
      '厂区门口约200米道路破损严重，雨天积水，货车进出困难，希望协调修复。',
    );
    const other = await raise('希望协调用电增容', '新上生产线后用电负荷不足，希望协调供电部门增容。');
    const again = await raise(
      '厂区门口道路仍未修复',
      '厂区门口约200米的道路还是破损严重，一下雨就积水，货车进出困难，再次希望协调修复。',
    );
    expect((await detail(first)).repeatOf).toBeNull();
    expect((await detail(other)).repeatOf).toBeNull();
    expect((await detail(again)).repeatOf).toEqual({ id: first, title: '厂区门口道路破损影响货车通行' });
    expect((await detail(first)).repeated).toBe(false);
    expect((await detail(again)).repeated).toBe(true);

    const before = await repeatedAtD01();
    const routed = await office.post(`/api/v1/business/requests/${again}/route`, { departmentId: d01 });
    expect(routed.status).toBe(200);
    expect(await repeatedAtD01()).toBe(before + 1);
    const drill = await supervisor.get<RequestPage>(
      `/api/v1/business/requests?flag=repeated&departmentId=${d01}&pageSize=200`,
    );
    expect(drill.body.items.map((r) => r.id)).toContain(again);
    expect(drill.body.items.map((r) => r.id)).not.toContain(other);
  });

  it('names the earlier request only to a reader who may read it: a department learns no request held elsewhere', async () => {
    const d02 = (await unitByCode(t.database.db, 'QJ-D02'))!.id;
    const first = await raise(
      '园区污水管网堵塞需要疏通',
      '园区东侧污水管网多处堵塞，雨天污水外溢，影响企业正常生产，希望协调疏通。',
    );
    expect(
      (await office.post(`/api/v1/business/requests/${first}/route`, { departmentId: d02 })).status,
    ).toBe(200);
    const again = await raise(
      '园区污水管网仍然堵塞',
      '园区东侧的污水管网还是多处堵塞，一下雨污水就外溢，影响企业生产，再次希望协调疏通。',
    );
    expect(
      (await office.post(`/api/v1/business/requests/${again}/route`, { departmentId: d01 })).status,
    ).toBe(200);
    const named = { id: first, title: '园区污水管网堵塞需要疏通' };
    const read = async (client: TestClient) => {
      const res = await client.get<RequestDetail>(`/api/v1/business/requests/${again}`);
      expect(res.status).toBe(200);
      return { repeated: res.body.repeated, repeatOf: res.body.repeatOf };
    };
    expect(await read(office)).toEqual({ repeated: true, repeatOf: named });
    expect(await read(firm)).toEqual({ repeated: true, repeatOf: named });
    // QJ-D01 holds this request, not the earlier one at QJ-D02: a repeat, unnamed.
    const dept = await t.as('dept');
    expect(await read(dept)).toEqual({ repeated: true, repeatOf: null });
    expect((await dept.get(`/api/v1/business/requests/${first}`)).status).toBe(404);
  });
});
