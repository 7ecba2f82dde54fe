import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import type { Plan, PlanSummary } from './contracts/plans.js';
import { firstIndicators, planBody, unitId } from './test-helpers.js';

let t: TestContext;
let office: TestClient;
let dept: TestClient;
let plan: Plan;
beforeAll(async () => {
  t = await createTestContext();
  office = await t.as('office');
  dept = await t.as('dept');
  const indicators = await firstIndicators(dept, 2);
  plan = (await dept.post<Plan>('/api/v1/targets/plans', planBody(await unitId(t, 'QJ-D01'), indicators)))
    .body;
});
afterAll(() => t.close());

const listed = async (client: TestClient) =>
  (await client.get<PlanSummary[]>('/api/v1/targets/plans')).body.find((p) => p.id === plan.id)!;

describe('the actions sent with each plan of the list', () => {
  it('let the unit edit and submit its draft, and nobody review it yet', async () => {
    expect((await listed(dept)).actions).toEqual({
      edit: true,
      submit: true,
      review: false,
      report: false,
      reopen: false,
    });
    expect((await listed(office)).actions.review).toBe(false);
  });

  it('let the office review a submitted plan, and not the unit that wrote it', async () => {
    expect((await dept.post(`/api/v1/targets/plans/${plan.id}/submit`)).status).toBe(200);
    expect((await listed(office)).actions.review).toBe(true);
    expect((await listed(dept)).actions).toEqual({
      edit: false,
      submit: false,
      review: false,
      report: false,
      reopen: false,
    });
  });

  it('say the same as the plan itself', async () => {
    for (const client of [office, dept])
      expect((await listed(client)).actions).toEqual(
        (await client.get<Plan>(`/api/v1/targets/plans/${plan.id}`)).body.actions,
      );
  });
});
