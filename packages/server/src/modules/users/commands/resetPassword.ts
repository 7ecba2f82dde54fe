import { eq } from 'drizzle-orm';
import { audit, systemActor } from '../../../audit/audit.js';
import { forgetAllDevices } from '../../../auth/devices.js';
import { generatePassword, hashPassword } from '../../../auth/password.js';
import { assertStrongPassword } from '../../../auth/password-rules.js';
import { sessions } from '../../../auth/schema.js';
import { actor, type ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import { transaction } from '../../../db/transaction.js';
import { AppError } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import { authoriseOnUser } from '../queries/users.js';
import { users } from '../schema.js';
import { holdAccount } from './hold-account.js';
import { revokeAll } from './user-common.js';

/** Sets a new random password, shown once, and signs the user out everywhere. */
const command = defineCommand({
  name: 'user.resetPassword',
  async load(ctx, id: string) {
    await authoriseOnUser(ctx, 'user.resetPassword', id);
    const password = generatePassword();
    return { password, passwordHash: await hashPassword(password) };
  },
  async write(tx, ctx, { password, passwordHash }, id) {
    // Checked again on the grants as they are now: the hash took long enough for them to change.
    await holdAccount(tx, ctx, 'user.resetPassword', id);
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: true, updatedAt: new Date() })
      .where(eq(users.id, id));
    await revokeAll(tx, id);
    await forgetAllDevices(tx, actor(ctx), id, 'reset');
    return { result: { password }, audit: { entityType: 'user', entityId: id } };
  },
});

export const resetPassword = (ctx: ServiceContext, id: string): Promise<{ password: string }> =>
  command.run(ctx, id);

/**
 * Operator's reset from the command line, for when no admin can sign in. Returns the new
 * password, which the user must change at next sign-in unless the operator chose it. A disabled
 * account stays disabled unless `enable` is asked for: a reset is no way to undo what an admin
 * decided. The audit row records the flags before and after, as the locked row has them.
 */
export async function resetPasswordByLogin(
  db: Db,
  login: string,
  password?: string,
  options: { enable?: boolean } = {},
): Promise<string> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.login, login));
  if (!user) throw new AppError('NOT_FOUND', `no user with login ${login}`);
  if (password) assertStrongPassword(password, login, 'password');
  const next = password ?? generatePassword();
  const passwordHash = await hashPassword(next);
  await transaction(db, async (tx) => {
    // The flag is read under the row's lock and written only to enable: one read before the hash
    // and written back would disable again an account an admin enabled meanwhile, perhaps the
    // district's one enabled admin once the other was disabled, which nothing here would check.
    const [held] = await tx
      .select({ disabled: users.disabled, mustChangePassword: users.mustChangePassword })
      .from(users)
      .where(eq(users.id, user.id))
      .for('no key update');
    if (!held) throw new AppError('NOT_FOUND', `no user with login ${login}`);
    const after = { disabled: options.enable ? false : held.disabled, mustChangePassword: !password };
    await tx
      .update(users)
      .set({
        passwordHash,
        mustChangePassword: after.mustChangePassword,
        ...(options.enable ? { disabled: false } : {}),
        updatedAt: new Date(),
      })
      .where(eq(users.id, user.id));
    await tx.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.userId, user.id));
    await forgetAllDevices(tx, systemActor('cli'), user.id, 'reset');
    await audit(tx, systemActor('cli'), {
      action: 'user.resetPassword',
      entityType: 'user',
      entityId: user.id,
      before: held,
      after,
    });
  });
  return next;
}
