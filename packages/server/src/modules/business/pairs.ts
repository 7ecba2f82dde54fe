import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Tx } from '../../db/transaction.js';
import { businessLiaisonPairs } from './schema.js';

/** The cadre currently paired with the firm, if any. */
export async function currentCadre(db: Db | Tx, firmId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ cadreId: businessLiaisonPairs.cadreId })
    .from(businessLiaisonPairs)
    .where(and(eq(businessLiaisonPairs.firmId, firmId), isNull(businessLiaisonPairs.endedOn)));
  return row?.cadreId;
}

/** The firms currently paired with the cadre. */
export async function pairedFirmIds(db: Db | Tx, cadreId: string): Promise<string[]> {
  const rows = await db
    .select({ firmId: businessLiaisonPairs.firmId })
    .from(businessLiaisonPairs)
    .where(and(eq(businessLiaisonPairs.cadreId, cadreId), isNull(businessLiaisonPairs.endedOn)));
  return rows.map((r) => r.firmId);
}
