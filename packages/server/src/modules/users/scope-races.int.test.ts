import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test-support/app.js';
import { makeDistrict, makeUser, signedIn } from '../../test-support/factories.js';
import { contextOf, racing, refusal } from '../../test-support/racing.js';
import { resetPassword } from './commands/resetPassword.js';
import { setUserRoles } from './commands/setUserRoles.js';
import { updateUser } from './commands/updateUser.js';
import { users } from './schema.js';

/**
 * A street's admin acts on an account of its street while the district office makes that account
 * its admin: checked against the grants as they were, a reset would hand the street's admin the
 * password of a district administrator, a disabling would lock the office out. Both are refused
 * as a replacement of roles is, and the account stays as the office left it.
 */
let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
});
afterAll(() => t.close());

async function promotedMeanwhile() {
  const tree = await makeDistrict(t);
  const account = await makeUser(t, { roles: [['expert', tree.street]] });
  const street = await contextOf(t, await signedIn(t, 'admin', tree.street));
  const office = await contextOf(t, await signedIn(t, 'admin', tree.district));
  const promote = () =>
    setUserRoles(office, account.id, [
      { role: 'expert', unitId: tree.street.id },
      { role: 'admin', unitId: tree.district.id },
    ]);
  const [before] = await t.database.db.select().from(users).where(eq(users.id, account.id));
  return { account, before: before!, streetAdmin: { ...street, db: racing(street.db, promote) } };
}

const granted = {
  code: 'CONFLICT',
  errors: [expect.objectContaining({ path: 'roles', code: 'granted_meanwhile' })],
};

describe('an account made a district admin while a street admin acts on it', () => {
  it('refuses the password reset, leaving the admin’s password as it was', async () => {
    const { account, before, streetAdmin } = await promotedMeanwhile();
    expect(await refusal(resetPassword(streetAdmin, account.id))).toMatchObject(granted);
    const [after] = await t.database.db.select().from(users).where(eq(users.id, account.id));
    expect(after!.passwordHash).toBe(before.passwordHash);
    expect(after!.mustChangePassword).toBe(false);
  });

  it('refuses disabling or renaming it', async () => {
    const { account, streetAdmin } = await promotedMeanwhile();
    expect(await refusal(updateUser(streetAdmin, account.id, { disabled: true }))).toMatchObject(granted);
    const renamed = await promotedMeanwhile();
    expect(
      await refusal(updateUser(renamed.streetAdmin, renamed.account.id, { displayName: '改名' })),
    ).toMatchObject(granted);
    const rows = await t.database.db.select().from(users).where(eq(users.id, account.id));
    expect(rows[0]!.disabled).toBe(false);
    const [kept] = await t.database.db.select().from(users).where(eq(users.id, renamed.account.id));
    expect(kept!.displayName).toBe(renamed.before.displayName);
  });

  it('refuses a reset by an admin who lost the role while the password hashed', async () => {
    const tree = await makeDistrict(t);
    const account = await makeUser(t, { roles: [['expert', tree.street]] });
    const street = await signedIn(t, 'admin', tree.street);
    const streetAdmin = await contextOf(t, street);
    const office = await contextOf(t, await signedIn(t, 'admin', tree.district));
    const demote = () => setUserRoles(office, street.user.id, [{ role: 'expert', unitId: tree.street.id }]);
    const refused = await refusal(
      resetPassword({ ...streetAdmin, db: racing(streetAdmin.db, demote) }, account.id),
    );
    expect(refused).toMatchObject({ code: 'FORBIDDEN' });
  });
});
