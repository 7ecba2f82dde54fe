import { asc, desc, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { GENESIS, linkHash } from './chain.js';
import { auditEvents } from './schema.js';

/** Distinct from every other advisory lock the platform takes. */
const SEAL_LOCK = 7_310_001;

/**
 * Seals committed, unsealed events into the hash chain: numbers them after the last sealed event
 * and links each hash to the one before. One sealer at a time across all app processes (an
 * advisory lock held for the transaction); events committed while it runs are taken next time,
 * so none is ever missed. Returns how many events it sealed.
 */
export async function sealAuditChain(db: Db, batchSize = 5000): Promise<number> {
  let total = 0;
  for (;;) {
    const sealed = await db.transaction(async (tx) => {
      const locked = await tx.execute(sql`select pg_try_advisory_xact_lock(${SEAL_LOCK}) as ok`);
      const ok = (locked as unknown as { rows: Array<{ ok: boolean }> }).rows[0]?.ok;
      if (!ok) return 0;
      const [last] = await tx
        .select({ seq: auditEvents.seq, hash: auditEvents.hash })
        .from(auditEvents)
        .where(isNotNull(auditEvents.seq))
        .orderBy(desc(auditEvents.seq))
        .limit(1);
      const pending = await tx
        .select()
        .from(auditEvents)
        .where(isNull(auditEvents.seq))
        .orderBy(asc(auditEvents.id))
        .limit(batchSize);
      let seq = last?.seq ?? 0;
      let prev = last?.hash ?? GENESIS;
      const links = pending.map((row) => {
        seq += 1;
        const hash = linkHash(prev, { ...row, seq });
        const link = { id: row.id, seq, prev, hash };
        prev = hash;
        return link;
      });
      // One statement per thousand events, not one per event: under load the sealer keeps up
      // with hundreds of commands a second without as many round trips.
      for (let i = 0; i < links.length; i += 1000) {
        await tx.execute(sql`
          update ${auditEvents} set seq = v.seq, prev_hash = v.prev, hash = v.hash
          from jsonb_to_recordset(${JSON.stringify(links.slice(i, i + 1000))}::jsonb)
            as v(id bigint, seq bigint, prev text, hash text)
          where ${auditEvents.id} = v.id`);
      }
      return pending.length;
    });
    total += sealed;
    if (sealed < batchSize) return total;
  }
}

/** Runs the sealer every `intervalMs` until stopped; stopping runs one last seal. */
export function startSealer(db: Db, intervalMs: number, onError: (error: unknown) => void) {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    running = sealAuditChain(db).catch(onError);
  };
  const timer = setInterval(() => {
    if (!stopped) tick();
  }, intervalMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
    await sealAuditChain(db).catch(onError);
  };
}
