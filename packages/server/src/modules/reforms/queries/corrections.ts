import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { displayNames } from '../../users/api.js';
import type { ReformProgressCorrection } from '../contracts-history.js';
import { reformProgressCorrections } from '../schema.js';

/** A project's corrections of approved progress, newest first, each with who made it. */
export async function correctionsOf(db: Db, projectId: string): Promise<ReformProgressCorrection[]> {
  const rows = await db
    .select()
    .from(reformProgressCorrections)
    .where(eq(reformProgressCorrections.projectId, projectId))
    .orderBy(desc(reformProgressCorrections.correctedAt));
  if (!rows.length) return [];
  const names = await displayNames(
    db,
    rows.flatMap((r) => (r.correctedBy ? [r.correctedBy] : [])),
  );
  return rows.map((r) => ({
    id: r.id,
    milestoneId: r.milestoneId,
    milestoneName: r.milestoneName,
    doneBefore: r.doneBefore,
    doneAfter: r.doneAfter,
    reason: r.reason,
    correctedAt: r.correctedAt.toISOString(),
    correctedByName: r.correctedBy ? (names.get(r.correctedBy) ?? null) : null,
  }));
}
