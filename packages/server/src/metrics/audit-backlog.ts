import { and, count, isNull, min } from 'drizzle-orm';
import { auditEvents } from '../audit/schema.js';
import type { Db } from '../db/client.js';

/** Audit events waiting for the sealer (the partial index on unsealed rows answers this). */
export async function auditBacklog(db: Db): Promise<{ events: number; oldestAt: Date | null }> {
  const [row] = await db
    .select({ events: count(), oldestAt: min(auditEvents.at) })
    .from(auditEvents)
    .where(and(isNull(auditEvents.seq), isNull(auditEvents.refusedAt)));
  return { events: row?.events ?? 0, oldestAt: row?.oldestAt ? new Date(row.oldestAt) : null };
}
