import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test-support/app.js';
import { makeDistrict, signedIn } from '../../test-support/factories.js';
import { contextOf, racing, refusal, sideBySide } from '../../test-support/racing.js';
import { resetPasswordByLogin } from './commands/resetPassword.js';
import { setUserRoles } from './commands/setUserRoles.js';
import { updateUser } from './commands/updateUser.js';
import { userRoles, users } from './schema.js';

/**
 * A district keeps an enabled admin of its own. Two of its admins disabling or demoting each
 * other at once would each pass its checks on the other still being there: the second is refused,
 * its actor no longer an enabled admin. The side-by-side case needs both transactions open at
 * once, so only PostgreSQL (DATABASE_URL set) can fail it; on PGlite they take turns.
 */
let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
});
afterAll(() => t.close());

async function twoAdmins() {
  const tree = await makeDistrict(t);
  const a = await signedIn(t, 'admin', tree.district);
  const b = await signedIn(t, 'admin', tree.district);
  return { tree, a, b, aCtx: await contextOf(t, a), bCtx: await contextOf(t, b) };
}

/** The district's enabled admins, by id. */
async function enabledAdmins(districtId: string) {
  const rows = await t.database.db
    .select({ id: users.id })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(and(eq(userRoles.unitId, districtId), eq(userRoles.role, 'admin'), eq(users.disabled, false)));
  return rows.map((r) => r.id);
}

describe('the last admin of a district', () => {
  it('refuses a disabling by an admin the other disabled meanwhile', async () => {
    const { tree, a, b, aCtx, bCtx } = await twoAdmins();
    const other = () => updateUser(bCtx, a.user.id, { disabled: true });
    const refused = await refusal(
      updateUser({ ...aCtx, db: racing(aCtx.db, other) }, b.user.id, { disabled: true }),
    );
    expect(refused).toMatchObject({ code: 'FORBIDDEN' });
    expect(await enabledAdmins(tree.district.id)).toEqual([b.user.id]);
  });

  it('refuses a demotion by an admin the other demoted meanwhile', async () => {
    const { tree, a, b, aCtx, bCtx } = await twoAdmins();
    const expert = [{ role: 'expert' as const, unitId: tree.district.id }];
    const other = () => setUserRoles(bCtx, a.user.id, expert);
    const refused = await refusal(setUserRoles({ ...aCtx, db: racing(aCtx.db, other) }, b.user.id, expert));
    expect(refused).toMatchObject({ code: 'FORBIDDEN' });
    expect(await enabledAdmins(tree.district.id)).toEqual([b.user.id]);
  });

  it('refuses an admin moving its own grant down when no other admin holds the district', async () => {
    const tree = await makeDistrict(t);
    const only = await signedIn(t, 'admin', tree.district);
    const refused = await refusal(
      setUserRoles(await contextOf(t, only), only.user.id, [{ role: 'admin', unitId: tree.street.id }]),
    );
    expect(refused).toMatchObject({
      code: 'INVALID_STATE',
      errors: [expect.objectContaining({ path: 'roles', code: 'last_district_admin' })],
    });
    expect(await enabledAdmins(tree.district.id)).toEqual([only.user.id]);
  });

  it('leaves one admin enabled when two disable each other side by side', async () => {
    const { tree, a, b, aCtx, bCtx } = await twoAdmins();
    const inStep = sideBySide(2, 'after the first statement');
    const results = await Promise.all([
      refusal(updateUser(inStep(aCtx), b.user.id, { disabled: true })),
      refusal(updateUser(inStep(bCtx), a.user.id, { disabled: true })),
    ]);
    expect(results.filter((r) => r === undefined)).toHaveLength(1);
    expect(results.find((r) => r !== undefined)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await enabledAdmins(tree.district.id)).toHaveLength(1);
  });

  it('leaves one admin when two demote each other side by side', async () => {
    const { tree, a, b, aCtx, bCtx } = await twoAdmins();
    const expert = [{ role: 'expert' as const, unitId: tree.district.id }];
    const inStep = sideBySide(2, 'after the first statement');
    const results = await Promise.all([
      refusal(setUserRoles(inStep(aCtx), b.user.id, expert)),
      refusal(setUserRoles(inStep(bCtx), a.user.id, expert)),
    ]);
    expect(results.filter((r) => r === undefined)).toHaveLength(1);
    expect(await enabledAdmins(tree.district.id)).toHaveLength(1);
  });

  it('is not disabled again by a reset from the command line that read the account as disabled', async () => {
    const { tree, a, b, aCtx, bCtx } = await twoAdmins();
    await updateUser(bCtx, a.user.id, { disabled: true });
    // Meanwhile, while the reset hashes: a is enabled again, and disables b, its district's admin still.
    const meanwhile = async () => {
      await updateUser(bCtx, a.user.id, { disabled: false });
      await updateUser(aCtx, b.user.id, { disabled: true });
    };
    await resetPasswordByLogin(racing(t.database.db, meanwhile), a.user.login);
    expect(await enabledAdmins(tree.district.id)).toEqual([a.user.id]);
  });
});
