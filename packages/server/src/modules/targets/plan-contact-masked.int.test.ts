import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { makeDistrict, signedIn } from '../../test-support/factories.js';
import { makeIndicator } from '../../test-support/factories-targets.js';
import type { Plan, PlanSummary } from './contracts/plans.js';

/**
 * A plan's liaison is personal data: lists show the name masked as they show the phone, and one
 * plan shows both in full only to those who may edit it.
 */
let t: TestContext;
let office: TestClient;
let dept: TestClient;
let unit: string;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  const tree = await makeDistrict(t);
  office = await signedIn(t, 'admin', tree.district);
  dept = await signedIn(t, 'department_staff', tree.department);
  unit = tree.department.id;
});
afterAll(() => t.close());

describe('a plan’s liaison as readers see it', () => {
  it('masked in the list and once the plan is no longer editable, in full to its editor', async () => {
    const indicator = await makeIndicator(office);
    const created = await dept.post<Plan>('/api/v1/targets/plans', {
      unitId: unit,
      year: 2025,
      contactName: '王小明',
      contactPhone: '13912345678',
      items: [{ indicatorId: indicator.id, base: 100, targets: [105, 110, 115, 120], benchmarkValue: 130 }],
    });
    expect(created.status).toBe(201);
    const path = `/api/v1/targets/plans/${created.body.id}`;
    expect((await dept.get<Plan>(path)).body).toMatchObject({
      contactName: '王小明',
      contactPhone: '13912345678',
    });
    const listed = await office.get<PlanSummary[]>('/api/v1/targets/plans?year=2025');
    expect(listed.body.find((p) => p.id === created.body.id)).toMatchObject({
      contactName: '王**',
      contactPhone: '139****5678',
    });
    expect((await dept.post(`${path}/submit`)).status).toBe(200);
    // Submitted, the plan is the reviewer's to read, no one's to edit.
    for (const reader of [dept, office])
      expect((await reader.get<Plan>(path)).body).toMatchObject({
        contactName: '王**',
        contactPhone: '139****5678',
      });
  });
});
