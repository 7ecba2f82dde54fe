import { sql } from 'drizzle-orm';
import { auditRow } from '../../../audit/audit.js';
import { auditEvents } from '../../../audit/schema.js';
import type { Db } from '../../../db/client.js';
import { GroupCommit, inTransaction, perDatabase } from '../../../db/group-commit.js';
import { ideaCampaigns, ideaParticipations, ideaSuggestions, ideaTimeline } from '../schema.js';
import { domainRemoved } from './domain-hold.js';

/** A new suggestion as stored, with the audit event that records it. */
export interface NewSuggestionRow {
  id: string;
  campaignId: string;
  title: string;
  body: string;
  domain: string;
  domainConfidence: number;
  townId: string;
  authorKind: string;
  channel: string;
  authorUserId: string | null;
  realName: string | null;
  phone: string | null;
  trackingCode: string;
  tokens: string;
  titleWords: string;
  bodyWords: string;
  eventId: string | null;
  createdBy: string | null;
  audit: {
    actorId: string | null;
    actorLabel: string;
    after: Record<string, unknown>;
    requestId: string | null;
  };
  /**
   * Near duplicates to check while writing: which of `ids` have one of `statuses` (those the
   * public may see). Asked in the same statement, it costs no round trip of its own.
   */
  shownAmong?: { ids: string[]; statuses: readonly string[] };
}

/**
 * Inserts suggestions with their participations, first timeline entries and audit events in one
 * statement, so one round trip and one implicit transaction: all of them commit or none. The
 * rows travel as one JSON parameter, so the statement has the same shape for any number of rows.
 * It answers, per row, which of its `shownAmong` ids the public may see, or null for a row left
 * out because its campaign no longer has its domain.
 */
async function insertSuggestions(db: Db, rows: NewSuggestionRow[]): Promise<Array<string[] | null>> {
  const json = JSON.stringify(
    rows.map((r) => {
      // Built by the audit log's own function, so this batch scrubs exactly as audit() does.
      const event = auditRow(
        { userId: r.audit.actorId, label: r.audit.actorLabel, requestId: r.audit.requestId ?? undefined },
        { action: 'suggestion.submit', entityType: 'suggestion', entityId: r.id, after: r.audit.after },
      );
      return {
        id: r.id,
        campaign_id: r.campaignId,
        title: r.title,
        body: r.body,
        domain: r.domain,
        domain_confidence: r.domainConfidence,
        town_id: r.townId,
        author_kind: r.authorKind,
        channel: r.channel,
        author_user_id: r.authorUserId,
        real_name: r.realName,
        phone: r.phone,
        tracking_code: r.trackingCode,
        tokens: r.tokens,
        title_words: r.titleWords,
        body_words: r.bodyWords,
        event_id: r.eventId,
        created_by: r.createdBy,
        actor_id: event.actorId,
        actor_label: event.actorLabel,
        action: event.action,
        entity_type: event.entityType,
        entity_id: event.entityId,
        after: event.after,
        request_id: event.requestId,
        similar_ids: r.shownAmong?.ids ?? [],
        shown_statuses: r.shownAmong?.statuses ?? [],
      };
    }),
  );
  // A row goes in only while its campaign still has its domain, the campaign's row held (key
  // share) as `heldDomains` holds it: an edit removing the domain then either waits for this
  // commit and finds the suggestion, or commits first, and the lock, having waited for it, reads
  // the row as the edit left it. One lock per campaign of the batch, in the same round trip.
  const result = await db.execute(sql`
    with x as (
      select * from jsonb_to_recordset(${json}::jsonb) as x(id uuid, campaign_id uuid, title text, body text,
        domain text, domain_confidence float8, town_id uuid, author_kind text, channel text, author_user_id uuid,
        real_name text, phone text, tracking_code text, tokens text, title_words text, body_words text, event_id uuid, created_by uuid,
        actor_id uuid, actor_label text, action text, entity_type text, entity_id text, after jsonb, request_id text,
        similar_ids uuid[], shown_statuses text[])),
    c as (
      select id, domains from ${ideaCampaigns} where id in (select campaign_id from x) for key share),
    k as (
      select x.* from x join c on c.id = x.campaign_id
      where c.domains @> jsonb_build_array(jsonb_build_object('code', x.domain))),
    s as (
      insert into ${ideaSuggestions} (id, campaign_id, title, body, domain, domain_confidence, town_id, author_kind,
        channel, author_user_id, real_name, phone, tracking_code, tokens, title_words, body_words, event_id, created_by)
      select id, campaign_id, title, body, domain, domain_confidence, town_id, author_kind, channel, author_user_id,
        real_name, phone, tracking_code, tokens, title_words, body_words, event_id, created_by from k
      returning id),
    p as (
      insert into ${ideaParticipations} (campaign_id, kind, channel, town_id, author_kind, suggestion_id, event_id)
      select campaign_id, 'submission', channel, town_id, author_kind, id, event_id from k),
    t as (
      insert into ${ideaTimeline} (suggestion_id, kind, params)
      select id, 'submitted', jsonb_build_object('channel', channel) from k),
    a as (
      insert into ${auditEvents} (actor_id, actor_label, action, entity_type, entity_id, after, request_id)
      select actor_id, actor_label, action, entity_type, entity_id, after, request_id from k)
    select x.id::text as id, exists (select 1 from s where s.id = x.id) as stored, coalesce(
      (select jsonb_agg(o.id) from ${ideaSuggestions} o
        where o.id = any(x.similar_ids) and o.status = any(x.shown_statuses)),
      '[]'::jsonb) as shown
    from x`);
  const answers = new Map(
    (result as unknown as { rows: Array<{ id: string; stored: boolean; shown: string[] }> }).rows.map((r) => [
      r.id,
      r.stored ? r.shown : null,
    ]),
  );
  return rows.map((r) => answers.get(r.id) ?? null);
}

/**
 * When `row` is in the database already as this very write, its `shownAmong` ids the public may
 * see; else undefined. The id is made by the submitting request (a random UUID) and the row must
 * also hold what was submitted: a different suggestion under a colliding id is not taken for it.
 * The statement wrote the row with its participation, timeline entry and audit event, so finding
 * the row means all of them committed.
 */
async function storedSuggestion(db: Db, r: NewSuggestionRow): Promise<string[] | undefined> {
  const s = ideaSuggestions;
  const ids = JSON.stringify(r.shownAmong?.ids ?? []);
  const statuses = JSON.stringify(r.shownAmong?.statuses ?? []);
  const result = await db.execute(sql`
    select coalesce((select jsonb_agg(o.id) from ${s} o
        where o.id::text in (select jsonb_array_elements_text(${ids}::jsonb))
          and o.status in (select jsonb_array_elements_text(${statuses}::jsonb))),
      '[]'::jsonb) as shown
    from ${s}
    where ${s.id} = ${r.id} and ${s.trackingCode} = ${r.trackingCode} and ${s.campaignId} = ${r.campaignId}
      and ${s.townId} = ${r.townId} and ${s.title} = ${r.title} and ${s.body} = ${r.body}
      and ${s.authorKind} = ${r.authorKind} and ${s.channel} = ${r.channel}
      and ${s.authorUserId} is not distinct from ${r.authorUserId}::uuid
      and ${s.realName} is not distinct from ${r.realName}::text and ${s.phone} is not distinct from ${r.phone}::text
      and ${s.eventId} is not distinct from ${r.eventId}::uuid and ${s.createdBy} is not distinct from ${r.createdBy}::uuid`);
  return (result as unknown as { rows: Array<{ shown: string[] }> }).rows[0]?.shown;
}

// Submissions from concurrent requests share one statement and one commit (see GroupCommit); a
// batch whose commit went through unheard is recognised by its rows, not reported failed.
const grouped = perDatabase(
  (db: Db) =>
    new GroupCommit(
      (rows: NewSuggestionRow[]) => insertSuggestions(db, rows),
      256,
      'suggestions',
      (row) => storedSuggestion(db, row),
    ),
);

/**
 * Stores one new suggestion; resolves once it has committed, with those of its `shownAmong`
 * ids the public may see. Refused (`domain_removed`) when its campaign no longer has its domain:
 * the checks before saw the domain, an edit of the campaign removed it since.
 */
export async function storeSuggestion(db: Db, row: NewSuggestionRow): Promise<string[]> {
  // Inside a caller's transaction the row must commit with it, so it is written at once.
  const shown = inTransaction(db) ? (await insertSuggestions(db, [row]))[0] : await grouped(db).submit(row);
  if (!shown) throw domainRemoved(row.domain);
  return shown;
}
