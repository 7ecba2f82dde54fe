import { createHash } from 'node:crypto';

export const GENESIS = '0'.repeat(64);

export interface ChainRow {
  id: number;
  seq: number;
  at: Date;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

/** JSON with keys sorted at every level, so equal content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** hash_n = SHA-256(hash_{n-1} || canonical JSON of event n, including its seq). */
export function linkHash(prevHash: string, row: ChainRow): string {
  const body = canonicalJson({
    seq: row.seq,
    id: row.id,
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorLabel: row.actorLabel,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: row.before,
    after: row.after,
    requestId: row.requestId,
  });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/**
 * How far an event's time may lie before the newest event already sealed. An event's time is
 * its transaction's start, so one that ran long commits a little behind others; a row inserted
 * back-dated lies much further behind. Longer than any honest transaction that audits.
 */
export const DEFAULT_CLOCK_TOLERANCE_MS = 60_000;

/** Why an event `behindMs` older than the newest sealed one is back-dated, in one phrase. */
export const backDated = (behindMs: number, toleranceMs: number): string =>
  `back-dated: its time is ${Math.round(behindMs / 1000)} s before an event sealed earlier (tolerance ${toleranceMs / 1000} s)`;
