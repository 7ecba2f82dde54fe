import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Tx } from '../../db/transaction.js';
import { AppError } from '../../errors.js';
import { businessLiaisonPairs } from './schema.js';

/** The firm's current pairing, if any: its cadre and the day it began. */
export async function currentPair(
  db: Db | Tx,
  firmId: string,
): Promise<{ cadreId: string; pairedOn: string } | undefined> {
  const [row] = await db
    .select({ cadreId: businessLiaisonPairs.cadreId, pairedOn: businessLiaisonPairs.pairedOn })
    .from(businessLiaisonPairs)
    .where(and(eq(businessLiaisonPairs.firmId, firmId), isNull(businessLiaisonPairs.endedOn)));
  return row;
}

/**
 * The firm's current pairing read in a write's transaction, its row share-locked until the write
 * commits: the office ending or changing it at the same moment waits, or, having come first, is seen.
 */
export async function heldPair(
  tx: Tx,
  firmId: string,
): Promise<{ cadreId: string; pairedOn: string } | undefined> {
  const [row] = await tx
    .select({ cadreId: businessLiaisonPairs.cadreId, pairedOn: businessLiaisonPairs.pairedOn })
    .from(businessLiaisonPairs)
    .where(and(eq(businessLiaisonPairs.firmId, firmId), isNull(businessLiaisonPairs.endedOn)))
    .for('share');
  return row;
}

/** The firm was paired with another cadre, or unpaired, since the step was checked (CONFLICT). */
export const unpairedMeanwhile = (path: string) =>
  new AppError('CONFLICT', 'the firm is no longer paired with this cadre', [
    { path, message: 'the firm is no longer paired with you', code: 'unpaired_meanwhile' },
  ]);

/** The cadre currently paired with the firm, if any. */
export async function currentCadre(db: Db | Tx, firmId: string): Promise<string | undefined> {
  return (await currentPair(db, firmId))?.cadreId;
}

/** The firms currently paired with the cadre. */
export async function pairedFirmIds(db: Db | Tx, cadreId: string): Promise<string[]> {
  const rows = await db
    .select({ firmId: businessLiaisonPairs.firmId })
    .from(businessLiaisonPairs)
    .where(and(eq(businessLiaisonPairs.cadreId, cadreId), isNull(businessLiaisonPairs.endedOn)));
  return rows.map((r) => r.firmId);
}
