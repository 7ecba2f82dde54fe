import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/transaction.js';
import { AppError } from '../../../errors.js';
import type { Unit } from '../contracts.js';
import { unitView } from '../queries/units.js';
import { units } from '../schema.js';

/** Distinct from every other advisory lock the platform takes (the plan-making one is 7_310_002). */
const UNIT_TREE_LOCK = 7_310_003;

/**
 * In a transaction that changes the tree's shape (adds, moves, deletes or imports units): waits
 * for any other such change to commit, so that the paths, parents and children read after it are
 * the ones the write builds on. A row lock on the unit and its parent alone does not do: a move
 * of an ancestor re-roots rows its statement's snapshot did not yet see, such as a child added
 * under a descendant at the same moment.
 */
export async function holdUnitTree(tx: Tx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${UNIT_TREE_LOCK})`);
}

/**
 * In a transaction whose authority rests on where units sit (a role given on them, checked
 * against the giver's scope): waits for a change of the tree's shape under way to commit, and
 * keeps any from starting until this transaction ends. Shared, so such transactions never wait
 * for one another.
 */
export async function steadyUnitTree(tx: Tx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock_shared(${UNIT_TREE_LOCK})`);
}

/**
 * The unit as it is now, its row locked until the transaction ends; undefined when it is gone.
 * `no key update` unless the row is to be deleted: a write elsewhere naming the unit by its key (a
 * role grant, a project's unit) takes a key-share lock, which this then neither waits for nor
 * deadlocks with when it names a parent and the unit in the other order.
 */
export async function lockUnit(
  tx: Tx,
  id: string,
  mode: 'update' | 'no key update' = 'no key update',
): Promise<Unit | undefined> {
  const [row] = await tx.select().from(units).where(eq(units.id, id)).for(mode);
  return row ? unitView(row) : undefined;
}

/** A parent named by `parentId` that does not exist: the caller's field is at fault. */
export const unknownParent = () =>
  new AppError('VALIDATION', 'parent unit not found', [
    { path: 'parentId', message: 'not found', code: 'not_found' },
  ]);
