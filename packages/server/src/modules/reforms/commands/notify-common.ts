import type { Db } from '../../../db/client.js';
import type { Tx } from '../../../db/transaction.js';
import { deliver } from '../../../kernel/notifications.js';
import { holdersOver as holdersOverPaths } from '../../users/api.js';

/** The enabled holders of `role` whose scope covers the unit at `unitPath`. */
export async function holdersOver(
  db: Db,
  role: 'admin' | 'department_staff',
  unitPath: string,
): Promise<string[]> {
  return (await holdersOverPaths(db, role, [unitPath])).get(unitPath) ?? [];
}

/** One message to each of these accounts, in the transaction of the change it announces. */
export async function tell(tx: Tx, userIds: readonly string[], key: string, params: Record<string, unknown>) {
  await deliver(
    tx,
    userIds.map((userId) => ({ userId, key, params })),
  );
}
