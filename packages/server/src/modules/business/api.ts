/**
 * What other modules may use of `business`: the firms, read through these functions (a later
 * module's requests or visits name a firm) or held by holdFirm, and the tables only for foreign
 * keys.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { businessFirms } from './schema.js';

export { firmOfMember } from './lookup.js';
export { firmMemberIds } from './members.js';
export { type FirmSize, firmSizes } from './schema.js';
export { businessFirms };

export interface FirmBrief {
  id: string;
  name: string;
  creditCode: string;
  townId: string;
}

/** Firms in brief by id (an unknown id is simply absent). */
export async function firmsByIds(db: Db, ids: readonly string[]): Promise<Map<string, FirmBrief>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({
      id: businessFirms.id,
      name: businessFirms.name,
      creditCode: businessFirms.creditCode,
      townId: businessFirms.townId,
    })
    .from(businessFirms)
    .where(inArray(businessFirms.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Every firm's id, in credit-code order (a module that keeps its own data per firm, e.g. its demo). */
export async function allFirmIds(db: Db): Promise<string[]> {
  const rows = await db
    .select({ id: businessFirms.id })
    .from(businessFirms)
    .orderBy(asc(businessFirms.creditCode));
  return rows.map((r) => r.id);
}

/** Firm ids by unified social credit code (an unknown code is simply absent). */
export async function firmIdsByCreditCodes(db: Db, codes: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: businessFirms.id, creditCode: businessFirms.creditCode })
    .from(businessFirms)
    .where(inArray(businessFirms.creditCode, unique));
  return new Map(rows.map((r) => [r.creditCode, r.id]));
}

/**
 * Locks a firm's row for the rest of the transaction, so that another module's data about the
 * firm that has no row of its own yet can be changed by one transaction at a time: `share` to
 * read it steady, `no key update` to change it (the two wait for each other).
 */
export async function holdFirm(tx: Db, firmId: string, mode: 'share' | 'no key update'): Promise<void> {
  await tx.select({ id: businessFirms.id }).from(businessFirms).where(eq(businessFirms.id, firmId)).for(mode);
}
export { businessAuditTitles } from './queries/audit-titles.js';
