import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test-support/app.js';
import { makeDistrict, makeUnit, makeUser, signedIn } from '../../test-support/factories.js';
import { contextOf, racing, refusal } from '../../test-support/racing.js';
import { createUser } from './commands/createUser.js';
import { setUserRoles } from './commands/setUserRoles.js';
import { userRoles, users } from './schema.js';

/**
 * A role is given on a unit the district office deletes or moves out of the admin's street at the
 * same moment. Checked only against the tree as it was, the grant met the deleted unit's foreign
 * key (a 500), or gave a role on a unit now outside the street's scope. Both are refused, with
 * nothing written.
 */
let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
});
afterAll(() => t.close());

async function streetWithCommunity() {
  const tree = await makeDistrict(t);
  const community = await makeUnit(t, { parent: tree.street, kind: 'community' });
  const street = await contextOf(t, await signedIn(t, 'admin', tree.street));
  const office = await signedIn(t, 'admin', tree.district);
  // The office's change of the tree, through its page as the office makes it.
  const done = async (res: Promise<{ status: number }>) => expect([200, 204]).toContain((await res).status);
  return {
    tree,
    community,
    street,
    deleted: () => done(office.delete(`/api/v1/units/${community.id}`)),
    moved: () => done(office.patch(`/api/v1/units/${community.id}`, { parentId: tree.town.id })),
  };
}

const unknownUnit = {
  code: 'VALIDATION',
  errors: [expect.objectContaining({ path: 'roles', code: 'unknown_unit' })],
};
const grantsOfUser = async (id: string) =>
  (await t.database.db.select().from(userRoles).where(eq(userRoles.userId, id))).map(
    (g) => `${g.role}@${g.unitId}`,
  );

describe('a role given on a unit deleted meanwhile', () => {
  it('is refused as an unknown unit when roles are replaced, the old ones kept', async () => {
    const { tree, community, street, deleted } = await streetWithCommunity();
    const account = await makeUser(t, { roles: [['expert', tree.street]] });
    const refused = await refusal(
      setUserRoles({ ...street, db: racing(street.db, deleted) }, account.id, [
        { role: 'screener', unitId: community.id },
      ]),
    );
    expect(refused).toMatchObject(unknownUnit);
    expect(await grantsOfUser(account.id)).toEqual([`expert@${tree.street.id}`]);
  });

  it('is refused as an unknown unit when an account is created, and no account is made', async () => {
    const { community, street, deleted } = await streetWithCommunity();
    const login = `gone.${community.code}`;
    const refused = await refusal(
      createUser(
        { ...street, db: racing(street.db, deleted) },
        {
          login,
          displayName: '新人',
          roles: [{ role: 'screener', unitId: community.id }],
        },
      ),
    );
    expect(refused).toMatchObject(unknownUnit);
    expect(await t.database.db.select().from(users).where(eq(users.login, login))).toEqual([]);
  });
});

describe('a role given on a unit moved out of the admin’s street meanwhile', () => {
  it('is refused when roles are replaced, the old ones kept', async () => {
    const { tree, community, street, moved } = await streetWithCommunity();
    const account = await makeUser(t, { roles: [['expert', tree.street]] });
    const refused = await refusal(
      setUserRoles({ ...street, db: racing(street.db, moved) }, account.id, [
        { role: 'screener', unitId: community.id },
      ]),
    );
    expect(refused).toMatchObject({ code: 'FORBIDDEN' });
    expect(await grantsOfUser(account.id)).toEqual([`expert@${tree.street.id}`]);
  });

  it('is refused when an account is created, and no account is made', async () => {
    const { community, street, moved } = await streetWithCommunity();
    const login = `moved.${community.code}`;
    const refused = await refusal(
      createUser(
        { ...street, db: racing(street.db, moved) },
        {
          login,
          displayName: '新人',
          roles: [{ role: 'screener', unitId: community.id }],
        },
      ),
    );
    expect(refused).toMatchObject({ code: 'FORBIDDEN' });
    expect(await t.database.db.select().from(users).where(eq(users.login, login))).toEqual([]);
  });
});
