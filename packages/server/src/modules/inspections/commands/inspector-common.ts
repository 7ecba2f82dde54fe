import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import type { Tx } from '../../../db/transaction.js';
import { firmsByIds } from '../../business/api.js';
import { unitsByIds } from '../../units/api.js';
import { unitIdsOfRole } from '../../users/api.js';
import { inspectionConflicts } from '../schema.js';
import { invalid } from './common.js';

/** Refuses a conflict declared for a firm the registry does not hold. */
export async function checkFirms(db: Db, firmIds: readonly string[]): Promise<void> {
  const found = await firmsByIds(db, firmIds);
  firmIds.forEach((id, i) => {
    if (!found.has(id)) throw invalid(`conflictFirmIds.${i}`, 'unknown_firm', `no firm ${id}`);
  });
}

/**
 * Whether the account is the department's staff (a department_staff grant at it or at one of its
 * offices): an inspector is a department's own law-enforcement staff, never a citizen's or a
 * firm's account, which a draw would otherwise send to inspect and let record findings.
 */
export async function isStaffOf(db: Db, userId: string, department: { path: string }): Promise<boolean> {
  const units = await unitsByIds(db, await unitIdsOfRole(db, userId, 'department_staff'));
  return [...units.values()].some((u) => u.path.startsWith(department.path));
}

/** Replaces an inspector's declared conflicts. */
export async function writeConflicts(tx: Tx, inspectorId: string, firmIds: readonly string[]): Promise<void> {
  await tx.delete(inspectionConflicts).where(eq(inspectionConflicts.inspectorId, inspectorId));
  const unique = [...new Set(firmIds)];
  if (unique.length)
    await tx.insert(inspectionConflicts).values(unique.map((firmId) => ({ inspectorId, firmId })));
}

export const uniqueSorted = <T extends string | number>(values: readonly T[]): T[] =>
  [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
