import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../audit/schema.js';
import { createTestContext, type TestContext } from '../../test-support/app.js';
import { makeDistrict, makeUser, signedIn } from '../../test-support/factories.js';
import { contextOf, racing } from '../../test-support/racing.js';
import { updateUser } from './commands/updateUser.js';

/**
 * An account's change records what it replaced: another admin's rename committed between this
 * change's checks and its write is the before-value, and stays in the after-value when this
 * change leaves the name alone.
 */
let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
});
afterAll(() => t.close());

const lastUpdate = async (id: string) =>
  (
    await t.database.db
      .select({ before: auditEvents.before, after: auditEvents.after })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'user.update'), eq(auditEvents.entityId, id)))
      .orderBy(desc(auditEvents.id))
      .limit(1)
  )[0];

describe('the audit of an account change', () => {
  it('records the row as held, not as read before the change', async () => {
    const tree = await makeDistrict(t);
    const a = await contextOf(t, await signedIn(t, 'admin', tree.district));
    const b = await contextOf(t, await signedIn(t, 'admin', tree.district));
    const expert = await makeUser(t, { displayName: '旧名字', roles: [['expert', tree.district]] });
    const rename = () => updateUser(b, expert.id, { displayName: '新名字' });
    await updateUser({ ...a, db: racing(a.db, rename) }, expert.id, { disabled: true });
    expect(await lastUpdate(expert.id)).toEqual({
      before: { displayName: '新名字', disabled: false },
      after: { displayName: '新名字', disabled: true },
    });
  });
});
