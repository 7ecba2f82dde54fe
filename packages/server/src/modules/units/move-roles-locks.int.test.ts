import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test-support/app.js';
import { makeDistrict, makeUnit, makeUser, signedIn } from '../../test-support/factories.js';
import { contextOf, holdingCommit } from '../../test-support/racing.js';
import { updateUnit } from './commands/updateUnit.js';

/**
 * A street's admin replaces the roles of an account, one of which is on a community the district
 * office is moving out of the street, the move written but uncommitted. Read before the tree was
 * held, the account's grants showed the community still in the street, and the replacement
 * deleted a role on a unit outside the admin's scope once the move had committed. The account's
 * grants are read behind the tree's lock: the replacement waits for the move, then sees the
 * community where it now is and is refused. PostgreSQL only: on PGlite's one connection the
 * replacement waits for the move before it reads anything.
 */
let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
});
afterAll(() => t.close());

describe.runIf(!!process.env.DATABASE_URL)('an account’s roles replaced as the unit of one is moved', () => {
  it('waits for the move and refuses to delete a role now outside the admin’s scope', async () => {
    const tree = await makeDistrict(t);
    const community = await makeUnit(t, { parent: tree.street, kind: 'community' });
    const account = await makeUser(t, { roles: [['screener', community]] });
    const street = await signedIn(t, 'admin', tree.street);
    const office = await signedIn(t, 'admin', tree.district);
    const officeCtx = await contextOf(t, office);
    const held = holdingCommit(officeCtx.db);
    const moving = updateUnit({ ...officeCtx, db: held.db }, community.id, { parentId: tree.town.id });
    await held.holding;
    const refused = await street.put<{ code: string }>(`/api/v1/users/${account.id}/roles`, {
      roles: [{ role: 'expert', unitId: tree.street.id }],
    });
    await moving;
    expect([refused.status, refused.body.code]).toEqual([409, 'CONFLICT']);
    const after = await office.get<{ roles: { role: string; unitId: string }[] }>(
      `/api/v1/users/${account.id}`,
    );
    expect(after.body.roles).toEqual([expect.objectContaining({ role: 'screener', unitId: community.id })]);
  });
});
