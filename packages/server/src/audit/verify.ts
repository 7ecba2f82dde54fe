import { asc, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { GENESIS, linkHash } from './chain.js';
import { auditEvents } from './schema.js';

export interface VerifyResult {
  ok: boolean;
  sealed: number;
  unsealed: number;
  lastHash: string;
  /** The first broken link: the event whose stored seq, link or hash does not check out. */
  broken?: { id: number; seq: number | null; reason: string };
}

/** Walks the chain in seq order and recomputes every hash; reads only. */
export async function verifyAuditChain(db: Db, pageSize = 5000): Promise<VerifyResult> {
  let prev = GENESIS;
  let expectedSeq = 1;
  let sealed = 0;
  let after = 0;
  for (;;) {
    const page = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.seq, after))
      .orderBy(asc(auditEvents.seq))
      .limit(pageSize);
    for (const row of page) {
      const seq = row.seq as number;
      const fail = (reason: string): VerifyResult => ({
        ok: false,
        sealed,
        unsealed: -1,
        lastHash: prev,
        broken: { id: row.id, seq, reason },
      });
      if (seq !== expectedSeq) return fail(`expected seq ${expectedSeq}, found ${seq}: an event is missing`);
      if (row.prevHash !== prev) return fail('its prev_hash does not match the hash of the event before');
      if (row.hash !== linkHash(prev, { ...row, seq })) return fail('its content does not match its hash');
      prev = row.hash;
      expectedSeq += 1;
      sealed += 1;
      after = seq;
    }
    if (page.length < pageSize) break;
  }
  const [pending] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditEvents)
    .where(isNull(auditEvents.seq));
  return { ok: true, sealed, unsealed: pending?.n ?? 0, lastHash: prev };
}
