import type { Logger } from 'pino';
import type { Db } from '../db/client.js';
import { errorForLog } from '../log.js';
import { auditSealedEvents } from '../metrics/process.js';
import { chinaDay, makeAuditCheckpoint } from './checkpoint.js';
import type { CheckpointSigner } from './checkpoint-key.js';
import { sealAuditChain } from './seal.js';

export interface SealerOptions {
  intervalMs: number;
  toleranceMs: number;
  /** Signs the daily checkpoint; without one, no checkpoints are made. */
  signer?: CheckpointSigner | undefined;
  log: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** The clock, for the checkpoint's day and time. */
  now?: () => Date;
}

/**
 * The background work on the audit chain, every `intervalMs`: seal what has committed, then make
 * today's signed checkpoint if no process has yet. Both are idempotent and decided by what the
 * database holds, so a restart or a second process neither loses nor doubles either. Stopping
 * runs one last seal.
 */
export function startSealer(db: Db, options: SealerOptions) {
  const { log, signer } = options;
  const now = options.now ?? (() => new Date());
  // The day whose checkpoint is known to exist, so the rest of the day costs no query.
  let checkpointed: string | null = null;
  const seal = async () => {
    const { sealed, refused } = await sealAuditChain(db, { toleranceMs: options.toleranceMs });
    auditSealedEvents.inc(sealed);
    for (const r of refused)
      log.warn(
        { auditEventId: r.id, at: r.at.toISOString(), reason: r.reason },
        'audit event refused by the sealer; verify-audit names it',
      );
  };
  const checkpoint = async () => {
    const time = now();
    if (!signer || checkpointed === chinaDay(time)) return;
    const outcome = await makeAuditCheckpoint(db, signer, time);
    if (outcome.status === 'made') {
      log.info({ day: outcome.checkpoint.day, seq: outcome.checkpoint.seq }, 'audit checkpoint signed');
      checkpointed = outcome.checkpoint.day;
    } else if (outcome.status === 'exists') checkpointed = outcome.day;
  };
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const timer = setInterval(() => {
    if (stopped) return;
    running = seal()
      .then(checkpoint)
      .catch((err) => log.error({ error: errorForLog(err) }, 'audit sealing failed'));
  }, options.intervalMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
    await seal().catch((err) => log.error({ error: errorForLog(err) }, 'audit sealing failed'));
  };
}
