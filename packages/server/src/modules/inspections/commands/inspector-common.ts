import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import type { Tx } from '../../../db/transaction.js';
import { firmsByIds } from '../../business/api.js';
import { unitsByIds } from '../../units/api.js';
import { accountsByIds, unitIdsOfRole } from '../../users/api.js';
import { inspectionConflicts, inspectionInspectors } from '../schema.js';
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

/**
 * The accounts of the inspectors whose login the lists and the export show masked (it is their
 * phone), by that masked login: a row of an exported file names them so and imports back. A masked
 * login two inspectors share names neither (null).
 */
export async function inspectorsByMaskedLogin(db: Db): Promise<Map<string, string | null>> {
  const rows = await db.select({ userId: inspectionInspectors.userId }).from(inspectionInspectors);
  const accounts = await accountsByIds(
    db,
    rows.map((r) => r.userId),
  );
  const found = new Map<string, string | null>();
  for (const a of accounts.values())
    if (a.listedLogin !== a.login) found.set(a.listedLogin, found.has(a.listedLogin) ? null : a.id);
  return found;
}

/**
 * Replaces an inspector's declared conflicts. The caller has written or locked the inspector's
 * row first in `tx`: a visit's move holds its team's rows, so it sees the conflicts or waits.
 */
export async function writeConflicts(tx: Tx, inspectorId: string, firmIds: readonly string[]): Promise<void> {
  await tx.delete(inspectionConflicts).where(eq(inspectionConflicts.inspectorId, inspectorId));
  const unique = [...new Set(firmIds)];
  if (unique.length)
    await tx.insert(inspectionConflicts).values(unique.map((firmId) => ({ inspectorId, firmId })));
}

export const uniqueSorted = <T extends string | number>(values: readonly T[]): T[] =>
  [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
