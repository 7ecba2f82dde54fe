import { sql } from 'drizzle-orm';
import { GENESIS, linkHash } from '../audit/chain.js';
import type { Db } from '../db/client.js';

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/**
 * Does what someone with write access to the database could do to cover an edit: recomputes
 * the hash of every event from `fromSeq` on, so that the chain verifies again on its own.
 */
export async function relinkAuditChain(db: Db, fromSeq: number): Promise<void> {
  const [before] = rowsOf<{ hash: string }>(
    await db.execute(sql`select hash from audit_events where seq = ${fromSeq - 1}`),
  );
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`select * from audit_events where seq >= ${fromSeq} order by seq`),
  );
  let prev = before?.hash ?? GENESIS;
  for (const r of rows) {
    const hash = linkHash(prev, {
      id: Number(r.id),
      seq: Number(r.seq),
      at: new Date(r.at as string),
      actorId: r.actor_id as string | null,
      actorLabel: r.actor_label as string,
      action: r.action as string,
      entityType: r.entity_type as string,
      entityId: r.entity_id as string,
      before: r.before,
      after: r.after,
      requestId: r.request_id as string | null,
    });
    await db.execute(sql`update audit_events set prev_hash = ${prev}, hash = ${hash} where id = ${r.id}`);
    prev = hash;
  }
}

/** Changes who did event `seq` and relinks the rest: a rewrite the chain alone cannot see. */
export async function forgeAuditEvent(db: Db, seq: number, actorLabel: string): Promise<void> {
  await db.execute(sql`update audit_events set actor_label = ${actorLabel} where seq = ${seq}`);
  await relinkAuditChain(db, seq);
}
