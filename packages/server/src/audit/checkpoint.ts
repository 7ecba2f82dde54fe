import { asc, desc, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { todayInChina } from '../kernel/deadlines.js';
import {
  CHECKPOINT_FILE_FORMAT,
  type Checkpoint,
  type CheckpointFile,
  checkpointMessage,
} from './checkpoint-file.js';
import type { CheckpointSigner } from './checkpoint-key.js';
import { tryChainLock } from './lock.js';
import { auditCheckpoints, auditEvents } from './schema.js';

/** The calendar day in China Standard Time at `time`: the day deadlines are counted in too. */
export const chinaDay = (time: Date): string => todayInChina(time);

export type CheckpointOutcome =
  | { status: 'made'; checkpoint: Checkpoint }
  | { status: 'exists' | 'empty' | 'busy'; day: string };

/**
 * Signs today's checkpoint of the chain's head, unless today's exists. Under the chain's
 * advisory lock, so the head cannot move while it is read and several processes make one
 * between them (the unique day is the second guard). 'empty': nothing sealed yet; 'busy':
 * another process holds the lock, try again later.
 */
export async function makeAuditCheckpoint(
  db: Db,
  signer: CheckpointSigner,
  now: Date = new Date(),
): Promise<CheckpointOutcome> {
  const day = chinaDay(now);
  return db.transaction(async (tx): Promise<CheckpointOutcome> => {
    if (!(await tryChainLock(tx))) return { status: 'busy', day };
    const [existing] = await tx
      .select({ id: auditCheckpoints.id })
      .from(auditCheckpoints)
      .where(eq(auditCheckpoints.day, day));
    if (existing) return { status: 'exists', day };
    const [head] = await tx
      .select({ seq: auditEvents.seq, hash: auditEvents.hash })
      .from(auditEvents)
      .where(isNotNull(auditEvents.seq))
      .orderBy(desc(auditEvents.seq))
      .limit(1);
    if (!head?.seq || !head.hash) return { status: 'empty', day };
    const body = { day, seq: head.seq, hash: head.hash, at: now.toISOString() };
    const checkpoint = { ...body, keyId: signer.keyId, signature: signer.sign(checkpointMessage(body)) };
    await tx.insert(auditCheckpoints).values({ ...checkpoint, at: now, publicKey: signer.publicKey });
    return { status: 'made', checkpoint };
  });
}

/** Every stored checkpoint, oldest first, with the keys that signed them. */
export async function checkpointFile(db: Db): Promise<CheckpointFile> {
  const rows = await db.select().from(auditCheckpoints).orderBy(asc(auditCheckpoints.day));
  const keys = new Map<string, string>();
  for (const r of rows) if (!keys.has(r.keyId)) keys.set(r.keyId, r.publicKey);
  return {
    format: CHECKPOINT_FILE_FORMAT,
    keys: [...keys].map(([keyId, publicKey]) => ({ keyId, publicKey })),
    checkpoints: rows.map((r) => ({
      day: r.day,
      seq: r.seq,
      hash: r.hash,
      at: r.at.toISOString(),
      keyId: r.keyId,
      signature: r.signature,
    })),
  };
}
