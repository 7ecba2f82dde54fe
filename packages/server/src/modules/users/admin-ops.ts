import { eq } from 'drizzle-orm';
import pino from 'pino';
import { audit, systemActor } from '../../audit/audit.js';
import { generatePassword, hashPassword } from '../../auth/password.js';
import { assertStrongPassword } from '../../auth/password-rules.js';
import { sessions } from '../../auth/schema.js';
import type { Db } from '../../db/client.js';
import { transaction } from '../../db/transaction.js';
import { AppError } from '../../errors.js';
import { oldestRoot, unitByCode } from '../units/api.js';
import { CreateUserInput } from './contracts.js';
import { users } from './schema.js';
import { insertUser } from './service.js';

const silentLog = pino({ level: 'silent' });

/**
 * Operator's reset from the command line, for when no admin can sign in. Returns the new
 * password, which the user must change at next sign-in.
 */
export async function resetPasswordByLogin(db: Db, login: string, password?: string): Promise<string> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.login, login));
  if (!user) throw new AppError('NOT_FOUND', `no user with login ${login}`);
  if (password) assertStrongPassword(password, login, 'password');
  const next = password ?? generatePassword();
  const passwordHash = await hashPassword(next);
  await transaction(db, async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: !password, disabled: false, updatedAt: new Date() })
      .where(eq(users.id, user.id));
    await tx.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.userId, user.id));
    await audit(tx, systemActor('cli'), {
      action: 'user.resetPassword',
      entityType: 'user',
      entityId: user.id,
    });
  });
  return next;
}

/**
 * Operator's account creation from the command line (the first admin of a new district):
 * the same validation and audit as the admin page, scoped to the unit with `unitCode`
 * or to the root of the tree.
 */
export async function createUserFromCli(
  db: Db,
  input: {
    login: string;
    displayName: string;
    role: string;
    unitCode?: string | undefined;
    password?: string | undefined;
  },
) {
  const unit = input.unitCode ? await unitByCode(db, input.unitCode) : await oldestRoot(db);
  if (!unit)
    throw new AppError(
      'NOT_FOUND',
      input.unitCode ? `no unit with code ${input.unitCode}` : 'the unit tree is empty',
    );
  const parsed = CreateUserInput.safeParse({
    login: input.login,
    displayName: input.displayName,
    password: input.password,
    roles: [{ role: input.role, unitId: unit.id }],
  });
  if (!parsed.success) {
    throw new AppError(
      'VALIDATION',
      parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    );
  }
  return insertUser(
    {
      db,
      principal: null,
      log: silentLog,
      sms: { name: 'none', send: async () => {} },
      requestId: 'cli',
      systemLabel: 'cli',
    },
    parsed.data,
  );
}
