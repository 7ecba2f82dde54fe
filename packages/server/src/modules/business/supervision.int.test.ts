import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { type RequestFlag, type RequestPage, requestFlags, type Supervision } from './contracts-requests.js';

let t: TestContext;
let supervisor: TestClient;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business'] });
  supervisor = await t.as('supervisor');
});
afterAll(() => t.close());

const listed = async (departmentId: string, flag: RequestFlag) =>
  (
    await supervisor.get<RequestPage>(
      `/api/v1/business/requests?departmentId=${departmentId}&flag=${flag}&pageSize=1`,
    )
  ).body.total;

describe('纪委监督: the supervision dashboard', () => {
  it('counts per department what each drill-down then lists, request for request', async () => {
    const res = await supervisor.get<Supervision>('/api/v1/business/supervision');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const { departments, total } = res.body;
    expect(departments.length).toBeGreaterThan(1);
    for (const flag of requestFlags) expect(total[flag]).toBe(departments.reduce((n, d) => n + d[flag], 0));
    // The demo holds bad ratings, open rectifications and open requests.
    expect(total.badRating).toBeGreaterThan(0);
    expect(total.open).toBeGreaterThan(0);
    for (const d of departments.slice(0, 3)) {
      expect(d.departmentName).not.toBe('');
      for (const flag of requestFlags)
        expect(await listed(d.departmentId, flag), `${d.departmentName} ${flag}`).toBe(d[flag]);
    }
  });

  it('lists under a flag only requests that carry it', async () => {
    const page = await supervisor.get<RequestPage>('/api/v1/business/requests?flag=overdue&pageSize=50');
    for (const r of page.body.items) {
      if (r.status === 'routed') expect(r.dueState).toBe('overdue');
      else expect(r.status).toBe('rectifying');
    }
  });

  it('counts the requests waiting for the office to route them, which no department row holds', async () => {
    const before = (await supervisor.get<Supervision>('/api/v1/business/supervision')).body.awaitingRouting;
    const waitingList = async () =>
      (await supervisor.get<RequestPage>('/api/v1/business/requests?status=submitted&pageSize=1')).body.total;
    expect(before.count).toBe(await waitingList());
    const raised = await (await t.as('firm1')).post<{ id: string }>('/api/v1/business/requests', {
      categoryCode: 'infrastructure',
      title: '厂区门口的路灯坏了三个月',
      body: '晚上下班的职工看不清路，希望尽快修好。',
    });
    expect(raised.status, JSON.stringify(raised.body)).toBe(201);
    const after = (await supervisor.get<Supervision>('/api/v1/business/supervision')).body;
    expect(after.awaitingRouting.count).toBe(before.count + 1);
    expect(after.awaitingRouting.count).toBe(await waitingList());
    // The oldest is at least as old as the one just raised, which came in today.
    expect(after.awaitingRouting.oldestOn! <= after.asOf).toBe(true);
    expect(after.awaitingRouting.oldestWorkdays).toBeGreaterThanOrEqual(0);
    if (before.count === 0)
      expect(after.awaitingRouting).toMatchObject({ oldestOn: after.asOf, oldestWorkdays: 0 });
  });

  it('is not for departments or firms', async () => {
    expect((await (await t.as('dept')).get('/api/v1/business/supervision')).status).toBe(403);
    expect((await (await t.as('firm1')).get('/api/v1/business/supervision')).status).toBe(403);
  });
});
