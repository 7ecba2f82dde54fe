import { audit } from '../audit/audit.js';
import type { ServiceContext } from '../context.js';
import { transaction } from '../db/transaction.js';
import { AppError } from '../errors.js';
import {
  recoverableByPhone,
  revokeAllSessions,
  stillRecoverable,
  storeOwnPassword,
} from '../modules/users/api.js';
import { forgetAllDevices } from './devices.js';
import { hashPassword } from './password.js';
import { assertStrongPassword } from './password-rules.js';
import {
  checkPhoneCode,
  codeTimes,
  consumePhoneCode,
  deliverPhoneCode,
  issuePhoneCode,
} from './phone-codes.js';

/**
 * A citizen who forgot their password sets a new one with a code sent to their phone. Only an
 * account the phone registered can be recovered so (`recoverableByPhone`); a staff account is
 * reset by its admin.
 */

/**
 * Sends a recovery code when the phone has such an account, and answers alike when it has none,
 * so the form tells no one which numbers are registered: the code is counted against the same
 * limits and stored either way (for a phone with no account, one no one is sent, which a
 * recovery then refuses as any wrong code), nor does the answer wait for the text message.
 */
export async function requestRecoveryCode(
  ctx: ServiceContext,
  phone: string,
): Promise<{ expiresInSeconds: number; resendInSeconds: number }> {
  const account = await recoverableByPhone(ctx.db, phone);
  const code = await issuePhoneCode(ctx, phone, 'recover');
  if (account) await deliverPhoneCode(ctx, phone, 'recover', code, { answerFirst: true });
  return codeTimes();
}

/**
 * Sets the new password, uses the code up and signs the account out everywhere, in one
 * transaction; audited as the account's own act.
 */
export async function recoverPassword(
  ctx: ServiceContext,
  input: { phone: string; code: string; password: string },
): Promise<void> {
  const codeHash = await checkPhoneCode(ctx, input.phone, input.code, 'recover');
  // Disabled, or given a staff role, since the code was sent: as if the code were wrong.
  const account = await recoverableByPhone(ctx.db, input.phone);
  if (!account) throw wrongCode();
  assertStrongPassword(input.password, account.login, 'password');
  const passwordHash = await hashPassword(input.password);
  await transaction(ctx.db, async (tx) => {
    // Again under the account's lock: a staff role given while the password hashed counts too.
    if (!(await stillRecoverable(tx, account.id, input.phone))) throw wrongCode();
    await consumePhoneCode(tx, input.phone, codeHash);
    await storeOwnPassword(tx, account.id, passwordHash);
    await revokeAllSessions(tx, account.id);
    const who = { userId: account.id, label: account.login, requestId: ctx.requestId };
    await audit(tx, who, { action: 'user.recoverPassword', entityType: 'user', entityId: account.id });
    await forgetAllDevices(tx, who, account.id, 'recover');
  });
}

const wrongCode = () =>
  new AppError('VALIDATION', 'the code is wrong or has expired', [
    { path: 'code', message: 'invalid', code: 'invalid_code' },
  ]);
