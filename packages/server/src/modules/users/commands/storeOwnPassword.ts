import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../../db/transaction.js';
import { AppError } from '../../../errors.js';
import { users } from '../schema.js';

/**
 * Stores a password the account chose itself, within the caller's transaction: none is owed any
 * more. A step of the auth module's password change, not a command of its own: the audit event
 * is the caller's, in the same transaction.
 *
 * `replacing` is the stored hash the caller checked the current password against: the write takes
 * place only while the account still has it. An administrator's reset made since then (it signs
 * the account out and shows them the password to hand over) stands, and the change is refused
 * (`password_reset_meanwhile`), rather than silently replacing a password the administrator
 * believes is in force. A reset that comes after waits for the row and wins in turn.
 */
export async function storeOwnPassword(
  tx: Tx,
  userId: string,
  passwordHash: string,
  replacing?: string,
): Promise<void> {
  const stored = await tx
    .update(users)
    .set({ passwordHash, mustChangePassword: false, updatedAt: new Date() })
    .where(and(eq(users.id, userId), replacing === undefined ? undefined : eq(users.passwordHash, replacing)))
    .returning({ id: users.id });
  if (replacing !== undefined && stored.length === 0)
    throw new AppError('CONFLICT', 'the password was reset meanwhile', [
      { path: 'current', message: 'the password was reset meanwhile', code: 'password_reset_meanwhile' },
    ]);
}
