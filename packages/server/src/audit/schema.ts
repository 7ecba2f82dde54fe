import { sql } from 'drizzle-orm';
import { bigint, bigserial, date, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only audit log. Writers insert with seq and hash empty, inside the transaction of the
 * change they record; the sealer later numbers committed rows and links each to the previous
 * hash, so the chain follows commit order without serialising writers.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    // When the row is written, not when its transaction began (now()): a long honest transaction
    // (a large import) writes its events last, and dated at its start they would fall behind
    // events sealed meanwhile by more than the sealer's tolerance, as a back-dated row does.
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull().default(sql`clock_timestamp()`),
    actorId: uuid('actor_id'),
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    seq: bigint('seq', { mode: 'number' }).unique(),
    prevHash: text('prev_hash'),
    hash: text('hash'),
    /**
     * Set when the sealer refused the event: its time lies further before the events already
     * sealed than any honest transaction takes, as a row inserted back-dated would. A refused
     * event is never sealed and never deleted; verify-audit names it.
     */
    refusedAt: timestamp('refused_at', { withTimezone: true, precision: 3 }),
    refusal: text('refusal'),
  },
  (t) => [
    index('audit_events_unsealed_idx').on(t.id).where(sql`seq is null and refused_at is null`),
    index('audit_events_entity_idx').on(t.entityType, t.entityId),
    index('audit_events_at_idx').on(t.at),
  ],
);

/**
 * One signed checkpoint of the chain a day: its seq and head hash at the time, signed with the
 * server's Ed25519 key (which never enters the database). Published, so that copies kept
 * outside the database show whether the chain was later rewritten.
 */
export const auditCheckpoints = pgTable('audit_checkpoints', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  /** The day in China Standard Time (UTC+8) the checkpoint stands for; one per day. */
  day: date('day', { mode: 'string' }).notNull().unique(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
  at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
  keyId: text('key_id').notNull(),
  /** The signing key's public half (SPKI PEM), so each checkpoint verifies on its own. */
  publicKey: text('public_key').notNull(),
  signature: text('signature').notNull(),
});
