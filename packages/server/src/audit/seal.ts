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
      for (const row of pending) {
        seq += 1;
        const hash = linkHash(prev, { ...row, seq });
        await tx
          .update(auditEvents)
          .set({ seq, prevHash: prev, hash })
          .where(sql`${auditEvents.id} = ${row.id}`);
        prev = hash;
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
