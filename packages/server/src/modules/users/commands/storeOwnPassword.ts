import { eq } from 'drizzle-orm';
import type { Tx } from '../../../db/transaction.js';
import { users } from '../schema.js';

/**
 * Stores a password the account chose itself, within the caller's transaction: none is owed any
 * more. A step of the auth module's password change, not a command of its own: the audit event
 * is the caller's, in the same transaction.
 */
export async function storeOwnPassword(tx: Tx, userId: string, passwordHash: string): Promise<void> {
  await tx
    .update(users)
    .set({ passwordHash, mustChangePassword: false, updatedAt: new Date() })
    .where(eq(users.id, userId));
}
