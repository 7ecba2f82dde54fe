import type { Tx } from '../db/transaction.js';
import { auditEvents } from './schema.js';

/** Who acts: a signed-in user, or the system itself (seeding, background jobs, the CLI). */
export interface Actor {
  userId: string | null;
  label: string;
  requestId?: string | undefined;
}

export const systemActor = (label = 'system'): Actor => ({ userId: null, label });

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/**
 * Records one state change. Takes the transaction of the change itself, so the event commits or
 * rolls back with it; a failure here fails the whole command.
 */
export async function audit(tx: Tx, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditEvents).values(auditRow(actor, entry));
}

/**
 * The row {@link audit} writes, secrets scrubbed. A batched write that inserts its audit rows in
 * its own statement (the public submission) builds them here, so it scrubs exactly as audit() does.
 */
export function auditRow(actor: Actor, entry: AuditEntry) {
  return {
    actorId: actor.userId,
    actorLabel: actor.label,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before === undefined ? null : scrub(entry.before),
    after: entry.after === undefined ? null : scrub(entry.after),
    requestId: actor.requestId ?? null,
  };
}

const secretKeys = new Set(['passwordHash', 'password', 'tokenHash', 'token', 'csrfToken', 'codeHash']);

/** Secrets never enter the audit log, not even as hashes. */
function scrub(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(scrub);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (secretKeys.has(k)) continue;
      out[k] = scrub(v);
    }
    return out;
  }
  return value;
}
