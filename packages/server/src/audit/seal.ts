import { and, asc, desc, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { backDated, DEFAULT_CLOCK_TOLERANCE_MS, GENESIS, linkHash } from './chain.js';
import { tryChainLock } from './lock.js';
import { auditEvents } from './schema.js';

export interface SealOptions {
  batchSize?: number;
  /** How far an event's time may lie before the newest sealed event's (default 60 s). */
  toleranceMs?: number;
}

/** An event the sealer would not seal: its time lies too far before events already sealed. */
export interface RefusedEvent {
  id: number;
  at: Date;
  reason: string;
}

export interface SealResult {
  sealed: number;
  refused: RefusedEvent[];
}

/**
 * Seals committed, unsealed events into the hash chain: numbers them after the last sealed event
 * and links each hash to the one before. One sealer at a time across all app processes (an
 * advisory lock held for the transaction); events committed while it runs are taken next time,
 * so none is ever missed.
 *
 * An event whose time lies more than the tolerance before the newest event already sealed is
 * refused instead: marked, never sealed, left for verify-audit to name. That is what a row
 * inserted by hand with an earlier time looks like, and sealing it would give it the chain's
 * protection.
 */
export async function sealAuditChain(db: Db, options: SealOptions = {}): Promise<SealResult> {
  const batchSize = options.batchSize ?? 5000;
  const tolerance = options.toleranceMs ?? DEFAULT_CLOCK_TOLERANCE_MS;
  const result: SealResult = { sealed: 0, refused: [] };
  for (;;) {
    const taken = await db.transaction(async (tx) => {
      if (!(await tryChainLock(tx))) return 0;
      const [last] = await tx
        .select({ seq: auditEvents.seq, hash: auditEvents.hash })
        .from(auditEvents)
        .where(isNotNull(auditEvents.seq))
        .orderBy(desc(auditEvents.seq))
        .limit(1);
      const [newest] = await tx
        .select({ at: auditEvents.at })
        .from(auditEvents)
        .where(isNotNull(auditEvents.seq))
        .orderBy(desc(auditEvents.at))
        .limit(1);
      const pending = await tx
        .select()
        .from(auditEvents)
        .where(and(isNull(auditEvents.seq), isNull(auditEvents.refusedAt)))
        .orderBy(asc(auditEvents.id))
        .limit(batchSize);
      let seq = last?.seq ?? 0;
      let prev = last?.hash ?? GENESIS;
      // The newest time sealed so far, as verify-audit recomputes it along the chain.
      let newestAt = newest?.at.getTime() ?? Number.NEGATIVE_INFINITY;
      const links: Array<{ id: number; seq: number; prev: string; hash: string }> = [];
      const refused: RefusedEvent[] = [];
      for (const row of pending) {
        const at = row.at.getTime();
        if (at < newestAt - tolerance) {
          const reason = backDated(newestAt - at, tolerance);
          refused.push({ id: row.id, at: row.at, reason });
          continue;
        }
        seq += 1;
        const hash = linkHash(prev, { ...row, seq });
        links.push({ id: row.id, seq, prev, hash });
        prev = hash;
        newestAt = Math.max(newestAt, at);
      }
      // One statement per thousand events, not one per event: under load the sealer keeps up
      // with hundreds of commands a second without as many round trips.
      for (let i = 0; i < links.length; i += 1000) {
        await tx.execute(sql`
          update ${auditEvents} set seq = v.seq, prev_hash = v.prev, hash = v.hash
          from jsonb_to_recordset(${JSON.stringify(links.slice(i, i + 1000))}::jsonb)
            as v(id bigint, seq bigint, prev text, hash text)
          where ${auditEvents.id} = v.id`);
      }
      if (refused.length > 0) {
        const marks = refused.map((r) => ({ id: r.id, reason: r.reason }));
        await tx.execute(sql`
          update ${auditEvents} set refused_at = now(), refusal = v.reason
          from jsonb_to_recordset(${JSON.stringify(marks)}::jsonb) as v(id bigint, reason text)
          where ${auditEvents.id} = v.id`);
      }
      result.sealed += links.length;
      result.refused.push(...refused);
      return pending.length;
    });
    if (taken < batchSize) return result;
  }
}
