import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';

/** Distinct from every other advisory lock the platform takes. */
const CHAIN_LOCK = 7_310_001;

/**
 * Takes the chain's advisory lock for the rest of the transaction, or answers false when another
 * process holds it. Sealing and checkpointing both take it, so across all app processes only one
 * of them works on the chain at a time.
 */
export async function tryChainLock(tx: Db): Promise<boolean> {
  const locked = await tx.execute(sql`select pg_try_advisory_xact_lock(${CHAIN_LOCK}) as ok`);
  return (locked as unknown as { rows: Array<{ ok: boolean }> }).rows[0]?.ok === true;
}
