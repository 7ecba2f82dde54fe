import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WaitingItem } from '../../kernel/waiting.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { makeDistrict, makeUnit, signedIn } from '../../test-support/factories.js';
import { makeIndicator, makePlan } from '../../test-support/factories-targets.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
});
afterAll(() => t.close());

const plansToReview = async (c: TestClient) =>
  (await c.get<{ items: WaitingItem[] }>('/api/v1/me/waiting')).body.items.find(
    (i) => i.module === 'targets' && i.key === 'plansToReview',
  );

describe('a plan sent in waits for its reviewer', () => {
  it('is counted among the office’s waiting work until it is approved, and among no one else’s', async () => {
    const tree = await makeDistrict(t);
    const office = await signedIn(t, 'admin', tree.district);
    const dept = await signedIn(t, 'department_staff', tree.department);
    const community = await makeUnit(t, { parent: tree.street, kind: 'community' });
    const streetAdmin = await signedIn(t, 'admin', tree.street);
    const communityStaff = await signedIn(t, 'department_staff', community);
    const indicator = await makeIndicator(office);
    const plan = await makePlan({
      unit: tree.department,
      staff: dept,
      indicators: [indicator],
      state: 'submitted',
    });
    expect(await plansToReview(office)).toMatchObject({ count: 1, path: '/admin/targets/plans' });
    // The street's admin reviews its communities only; the unit's staff review nothing.
    expect(await plansToReview(streetAdmin)).toBeUndefined();
    expect(await plansToReview(dept)).toBeUndefined();
    await makePlan({ unit: community, staff: communityStaff, indicators: [indicator], state: 'submitted' });
    expect(await plansToReview(streetAdmin)).toMatchObject({ count: 1 });
    expect(await plansToReview(office)).toMatchObject({ count: 2 });
    expect((await office.post(`/api/v1/targets/plans/${plan.id}/approve`)).status).toBe(200);
    expect(await plansToReview(office)).toMatchObject({ count: 1 });
  });
});
