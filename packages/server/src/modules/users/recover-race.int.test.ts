import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recoverPassword } from '../../auth/recover.js';
import { createTestContext, type TestContext } from '../../test-support/app.js';
import { makeDistrict, makeUser, signedIn } from '../../test-support/factories.js';
import { freshPhone, lastCode } from '../../test-support/factories-ideas.js';
import { contextOf, racing, refusal } from '../../test-support/racing.js';
import { setUserRoles } from './commands/setUserRoles.js';
import { users } from './schema.js';

/**
 * A citizen's account given a staff role while its recovery's new password hashes: a code to the
 * phone alone must not set the password of a staff account, so the recovery is refused as with a
 * wrong code, and the password stays.
 */
let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
});
afterAll(() => t.close());

describe('recovery of an account given a staff role meanwhile', () => {
  it('is refused as a wrong code, the password unchanged', async () => {
    const tree = await makeDistrict(t);
    const phone = freshPhone();
    const citizen = await makeUser(t, { login: phone, phone, roles: [['citizen', tree.district]] });
    expect((await t.client('10.42.0.1').post('/api/v1/auth/recover/code', { phone })).status).toBe(200);
    const office = await contextOf(t, await signedIn(t, 'admin', tree.district));
    const promote = () =>
      setUserRoles(office, citizen.id, [
        { role: 'citizen', unitId: tree.district.id },
        { role: 'admin', unitId: tree.district.id },
      ]);
    const [before] = await t.database.db.select().from(users).where(eq(users.id, citizen.id));
    const refused = await refusal(
      recoverPassword(
        { ...office, principal: null, ip: '10.42.0.2', db: racing(t.database.db, promote) },
        { phone, code: lastCode(t, phone), password: 'Taken-over-2027!' },
      ),
    );
    expect(refused).toMatchObject({
      code: 'VALIDATION',
      errors: [expect.objectContaining({ path: 'code', code: 'invalid_code' })],
    });
    const [after] = await t.database.db.select().from(users).where(eq(users.id, citizen.id));
    expect(after!.passwordHash).toBe(before!.passwordHash);
  });
});
