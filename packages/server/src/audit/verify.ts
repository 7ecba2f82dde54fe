import { and, asc, gt, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { backDated, DEFAULT_CLOCK_TOLERANCE_MS, GENESIS, linkHash } from './chain.js';
import { checkpointFile } from './checkpoint.js';
import { type ExpectedHead, verifyCheckpointFile } from './checkpoint-file.js';
import { auditEvents } from './schema.js';
import { type HeadCheck, HeadTracker, headProblem } from './verify-heads.js';

export type { ExpectedHead } from './checkpoint-file.js';
export type { HeadCheck } from './verify-heads.js';

/** An event whose time lies too far before an event sealed ahead of it. */
export interface LateEvent {
  id: number;
  /** null: the sealer refused it, so it is not in the chain. */
  seq: number | null;
  at: string;
  reason: string;
  /** Named in `acceptLate`: someone looked into it and found it genuine. */
  accepted: boolean;
}

export interface VerifyOptions {
  pageSize?: number;
  toleranceMs?: number;
  /** Heads recorded outside the database (a printed head, a checkpoint kept elsewhere). */
  heads?: readonly ExpectedHead[];
  /** Ids of back-dated events already looked into and accepted; the rest fail the check. */
  acceptLate?: readonly number[];
  /** Also check the checkpoints stored in the database (default true). */
  storedCheckpoints?: boolean;
  /**
   * Public keys (SPKI PEM) the checkpoints must be signed by. Without them a stored checkpoint is
   * checked by the key stored beside it, which someone who rewrites the database can replace too.
   */
  pinnedKeys?: readonly string[];
}

export interface VerifyResult {
  ok: boolean;
  sealed: number;
  unsealed: number;
  lastSeq: number;
  lastHash: string;
  /** The first broken link: the event whose stored seq, link or hash does not check out. */
  broken?: { id: number; seq: number | null; reason: string };
  /** Back-dated events, sealed or refused (at most 100 of each). */
  late: LateEvent[];
  heads: HeadCheck[];
  /** Every reason `ok` is false, one sentence each. */
  problems: string[];
}

const LATE_LISTED = 100;

/**
 * Walks the chain in seq order and recomputes every hash; checks that it passes through every
 * expected head and stored checkpoint, and names back-dated events. Reads only.
 */
export async function verifyAuditChain(db: Db, options: VerifyOptions = {}): Promise<VerifyResult> {
  const pageSize = options.pageSize ?? 5000;
  const tolerance = options.toleranceMs ?? DEFAULT_CLOCK_TOLERANCE_MS;
  const accepted = new Set(options.acceptLate ?? []);
  const problems: string[] = [];
  const heads: ExpectedHead[] = [...(options.heads ?? [])];
  if (options.storedCheckpoints !== false) {
    const stored = verifyCheckpointFile(await checkpointFile(db), options.pinnedKeys);
    heads.push(...stored.heads.map((h) => ({ ...h, label: `stored ${h.label}` })));
    problems.push(...stored.problems.map((p) => `stored ${p}`));
  }
  // Counted before the walk: an event the sealer seals meanwhile is then counted as waiting and
  // as sealed, never as neither, so "nothing waiting" means the walk saw every committed event.
  const [pending] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditEvents)
    .where(and(isNull(auditEvents.seq), isNull(auditEvents.refusedAt)));
  const tracker = new HeadTracker(heads);
  const late: LateEvent[] = [];
  let prev = GENESIS;
  let expectedSeq = 1;
  let newestAt = Number.NEGATIVE_INFINITY;
  let broken: VerifyResult['broken'];
  let after = 0;
  walk: for (;;) {
    const page = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.seq, after))
      .orderBy(asc(auditEvents.seq))
      .limit(pageSize);
    for (const row of page) {
      const seq = row.seq as number;
      const fail = (reason: string) => ({ id: row.id, seq, reason });
      if (seq !== expectedSeq)
        broken = fail(`expected seq ${expectedSeq}, found ${seq}: an event is missing`);
      else if (row.prevHash !== prev)
        broken = fail('its prev_hash does not match the hash of the event before');
      else if (row.hash !== linkHash(prev, { ...row, seq }))
        broken = fail('its content does not match its hash');
      if (broken) break walk;
      prev = row.hash as string;
      tracker.see(seq, prev);
      const at = row.at.getTime();
      if (at < newestAt - tolerance && late.length < LATE_LISTED) {
        const reason = backDated(newestAt - at, tolerance);
        late.push({ id: row.id, seq, at: row.at.toISOString(), reason, accepted: accepted.has(row.id) });
      }
      newestAt = Math.max(newestAt, at);
      expectedSeq += 1;
      after = seq;
    }
    if (page.length < pageSize) break;
  }
  const sealed = expectedSeq - 1;
  const refused = await db
    .select({ id: auditEvents.id, at: auditEvents.at, refusal: auditEvents.refusal })
    .from(auditEvents)
    .where(isNotNull(auditEvents.refusedAt))
    .orderBy(asc(auditEvents.id))
    .limit(LATE_LISTED);
  for (const r of refused) {
    const reason = `refused by the sealer, ${r.refusal ?? 'back-dated'}`;
    late.push({ id: r.id, seq: null, at: r.at.toISOString(), reason, accepted: accepted.has(r.id) });
  }
  if (broken)
    problems.unshift(`audit chain broken at event id ${broken.id} (seq ${broken.seq}): ${broken.reason}`);
  const checks = tracker.results();
  for (const h of checks) {
    const problem = headProblem(h, sealed, Boolean(broken));
    if (problem) problems.push(problem);
  }
  for (const e of late) {
    if (e.accepted) continue;
    problems.push(
      `event id ${e.id} (${e.seq === null ? 'unsealed' : `seq ${e.seq}`}) at ${e.at}: ${e.reason}`,
    );
  }
  return {
    ok: problems.length === 0,
    sealed,
    unsealed: pending?.n ?? 0,
    lastSeq: sealed,
    lastHash: prev,
    ...(broken ? { broken } : {}),
    late,
    heads: checks,
    problems,
  };
}
