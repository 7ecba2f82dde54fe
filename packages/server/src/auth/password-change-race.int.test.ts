import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transaction } from '../db/transaction.js';
import type { Unit } from '../modules/units/api.js';
import { passwordHashOf, revokeAllSessions } from '../modules/users/api.js';
import { createTestContext, type TestContext } from '../test-support/app.js';
import { auditOf } from '../test-support/audit-of.js';
import { makeUnit, makeUser, signedIn, signIn } from '../test-support/factories.js';
import { contextOf, racing } from '../test-support/racing.js';
import { verifyPassword } from './password.js';
import { sessions } from './schema.js';
import { changePassword } from './service.js';

let t: TestContext;
let unit: Unit;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  unit = await makeUnit(t);
});
afterAll(() => t.close());

const open = (userId: string) =>
  t.database.db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));

describe('changing one’s own password', () => {
  it('ends the account’s other sessions and keeps this one', async () => {
    const user = await makeUser(t);
    await signIn(t, user);
    const ctx = await contextOf(t, await signIn(t, user));
    await changePassword(ctx, { current: user.password, next: 'Another-good-one-2026' });
    expect((await open(user.id)).map((s) => s.id)).toEqual([ctx.principal!.sessionId]);
  });

  it('leaves ended the session an administrator ended while the change was being checked', async () => {
    const user = await makeUser(t);
    const ctx = await contextOf(t, await signIn(t, user));
    const raced = {
      ...ctx,
      db: racing(ctx.db, () => transaction(t.database.db, (tx) => revokeAllSessions(tx, user.id))),
    };
    await changePassword(raced, { current: user.password, next: 'Another-good-one-2026' });
    expect(await open(user.id)).toEqual([]);
    const [mine] = await t.database.db
      .select({ revokedAt: sessions.revokedAt })
      .from(sessions)
      .where(eq(sessions.id, ctx.principal!.sessionId));
    expect(mine?.revokedAt).not.toBeNull();
  });

  it('gives way to an administrator’s reset made while the change was being checked', async () => {
    const user = await makeUser(t, { roles: [['department_staff', unit]] });
    const admin = await signedIn(t, 'admin', unit);
    const ctx = await contextOf(t, await signIn(t, user));
    let handedOver = '';
    const reset = async () => {
      const res = await admin.post<{ password: string }>(`/api/v1/users/${user.id}/reset-password`);
      expect(res.status).toBe(200);
      handedOver = res.body.password;
    };
    const refused = await changePassword(
      { ...ctx, db: racing(ctx.db, reset) },
      { current: user.password, next: 'Another-good-one-2026' },
    ).catch((error: unknown) => error);
    expect(refused).toMatchObject({
      code: 'CONFLICT',
      errors: [{ path: 'current', code: 'password_reset_meanwhile' }],
    });
    // The password the administrator handed over is the one in force.
    expect(await verifyPassword((await passwordHashOf(t.database.db, user.id))!, handedOver)).toBe(true);
    expect(await auditOf(t, user.id)).not.toContain('user.changePassword');
  });
});
