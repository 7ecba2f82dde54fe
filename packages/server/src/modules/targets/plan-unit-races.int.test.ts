import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test-support/app.js';
import { makeDistrict, makeUnit, signedIn } from '../../test-support/factories.js';
import { makeIndicator, planItems } from '../../test-support/factories-targets.js';
import { contextOf, racing, refusal } from '../../test-support/racing.js';
import { createPlan } from './commands/createPlan.js';
import { PlanInput } from './contracts/plans.js';

/**
 * A plan started for a unit the district office deletes at the same moment: checked only against
 * the tree as it was, the plan met the deleted unit's foreign key (a 500). It is refused as a
 * plan for a unit not there is, and nothing is written.
 */
let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
});
afterAll(() => t.close());

describe('a plan started for a unit deleted meanwhile', () => {
  it('is refused as a unit not found, with no plan written', async () => {
    const tree = await makeDistrict(t);
    const unit = await makeUnit(t, { parent: tree.district, kind: 'department' });
    const office = await signedIn(t, 'admin', tree.district);
    const colleague = await signedIn(t, 'admin', tree.district);
    const body = PlanInput.parse({
      unitId: unit.id,
      year: 2026,
      contactName: '联络员',
      contactPhone: '13912345678',
      items: planItems([await makeIndicator(office)]),
    });
    const deleted = async () => expect((await colleague.delete(`/api/v1/units/${unit.id}`)).status).toBe(204);
    const ctx = await contextOf(t, office);
    expect(await refusal(createPlan({ ...ctx, db: racing(ctx.db, deleted) }, body))).toMatchObject({
      code: 'NOT_FOUND',
    });
    const plans = await office.get<unknown[]>('/api/v1/targets/plans?year=2026');
    expect(plans.body).toEqual([]);
  });
});
