import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../audit/schema.js';
import { createTestContext, type TestContext } from '../../test-support/app.js';
import { makeDistrict, makeUser, signedIn } from '../../test-support/factories.js';
import { contextOf, racing, refusal } from '../../test-support/racing.js';
import { setUserRoles } from './commands/setUserRoles.js';
import { userRoles } from './schema.js';

/**
 * A street's admin replaces an account's roles while the district office gives the same account a
 * role in another town: the replacement, checked against the grants as they were, would delete a
 * grant outside the street's scope. It is refused instead, and the office's grant stays.
 */
let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
});
afterAll(() => t.close());

describe('roles replaced while another admin grants one', () => {
  it('refuses the replacement when the new grant lies outside its scope, keeping the grant', async () => {
    const tree = await makeDistrict(t);
    const account = await makeUser(t, { roles: [['expert', tree.street]] });
    const streetAdmin = await contextOf(t, await signedIn(t, 'admin', tree.street));
    const office = await contextOf(t, await signedIn(t, 'admin', tree.district));
    const refused = await refusal(
      setUserRoles(
        {
          ...streetAdmin,
          db: racing(streetAdmin.db, () =>
            setUserRoles(office, account.id, [
              { role: 'expert', unitId: tree.street.id },
              { role: 'screener', unitId: tree.town.id },
            ]),
          ),
        },
        account.id,
        [{ role: 'screener', unitId: tree.street.id }],
      ),
    );
    expect(refused).toMatchObject({
      code: 'CONFLICT',
      errors: [expect.objectContaining({ path: 'roles', code: 'granted_meanwhile' })],
    });
    const grants = await t.database.db.select().from(userRoles).where(eq(userRoles.userId, account.id));
    expect(grants.map((g) => `${g.role}@${g.unitId}`).sort()).toEqual(
      [`expert@${tree.street.id}`, `screener@${tree.town.id}`].sort(),
    );
  });

  it('replaces grants changed meanwhile within its scope, auditing them as they were', async () => {
    const tree = await makeDistrict(t);
    const account = await makeUser(t, { roles: [['expert', tree.street]] });
    const streetAdmin = await contextOf(t, await signedIn(t, 'admin', tree.street));
    const office = await contextOf(t, await signedIn(t, 'admin', tree.district));
    await setUserRoles(
      {
        ...streetAdmin,
        db: racing(streetAdmin.db, () =>
          setUserRoles(office, account.id, [{ role: 'organiser', unitId: tree.street.id }]),
        ),
      },
      account.id,
      [{ role: 'screener', unitId: tree.street.id }],
    );
    const grants = await t.database.db.select().from(userRoles).where(eq(userRoles.userId, account.id));
    expect(grants.map((g) => g.role)).toEqual(['screener']);
    const [last] = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, account.id))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(last!.before).toEqual([{ role: 'organiser', unitId: tree.street.id }]);
  });
});
