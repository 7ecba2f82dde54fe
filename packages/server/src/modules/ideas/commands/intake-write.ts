import { sql } from 'drizzle-orm';
import { auditRow } from '../../../audit/audit.js';
import { auditEvents } from '../../../audit/schema.js';
import type { Db } from '../../../db/client.js';
import { GroupCommit, inTransaction, perDatabase } from '../../../db/group-commit.js';
import { campaignClosed } from '../queries/campaigns.js';
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
  /**
   * Set when `domain` is the classifier's guess, nobody's choice: its next guesses, best first.
   * Such a row whose campaign no longer has `domain` (removed since the classifier was built) goes
   * into the first of these the campaign has, else into the campaign's first domain, rather than
   * being refused: its submitter chose no domain, and screening confirms or corrects it anyway.
   */
  otherGuesses?: Array<{ domain: string; confidence: number }>;
  /**
   * Set for a submission by the public: the day (China's) it was made. The row goes in only while
   * its campaign's period, as stored, still covers that day: the checks before read the campaign
   * from this process's cache, and another process may have ended the period since.
   */
  intakeDay?: string;
}

/** A suggestion as it was stored: the domain it went into and which near duplicates the public may see. */
export interface StoredSuggestion {
  domain: string;
  domainConfidence: number;
  shown: string[];
}

/** A public submission left out because its campaign's period had ended, on `closedOn`. */
interface AfterIntake {
  closedOn: string;
}

/**
 * Inserts suggestions with their participations, first timeline entries and audit events in one
 * statement, so one round trip and one implicit transaction: all of them commit or none. The
 * rows travel as one JSON parameter, so the statement has the same shape for any number of rows.
 * It answers, per row, the domain it went into and which of its `shownAmong` ids the public may
 * see; for a row left out, the day its campaign closed when it came after the period, else null
 * (its campaign no longer has its domain).
 */
async function insertSuggestions(
  db: Db,
  rows: NewSuggestionRow[],
): Promise<Array<StoredSuggestion | AfterIntake | null>> {
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
        guesses: [{ domain: r.domain, confidence: r.domainConfidence }, ...(r.otherGuesses ?? [])],
        guessed: r.otherGuesses !== undefined,
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
        intake_day: r.intakeDay ?? null,
      };
    }),
  );
  // A row goes in only while its campaign still has its domain, the campaign's row held (key
  // share) as `heldDomains` holds it: an edit removing the domain then either waits for this
  // commit and finds the suggestion, or commits first, and the lock, having waited for it, reads
  // the row as the edit left it. One lock per campaign of the batch, in the same round trip.
  // A row's domain is the first of its guesses the campaign has; a guessed row's last resort is
  // the campaign's first domain (see `otherGuesses`).
  const result = await db.execute(sql`
    with x as (
      select * from jsonb_to_recordset(${json}::jsonb) as x(id uuid, campaign_id uuid, title text, body text,
        guesses jsonb, guessed boolean, town_id uuid, author_kind text, channel text, author_user_id uuid,
        real_name text, phone text, tracking_code text, tokens text, title_words text, body_words text, event_id uuid, created_by uuid,
        actor_id uuid, actor_label text, action text, entity_type text, entity_id text, after jsonb, request_id text,
        similar_ids uuid[], shown_statuses text[], intake_day date)),
    c as (
      select id, domains, ends_on from ${ideaCampaigns} where id in (select campaign_id from x) for key share),
    k as (
      select x.*, d.domain, d.domain_confidence from x join c on c.id = x.campaign_id
        and (x.intake_day is null or x.intake_day <= c.ends_on)
      cross join lateral (
        (select g.v->>'domain' as domain, (g.v->>'confidence')::float8 as domain_confidence, g.n
          from jsonb_array_elements(x.guesses) with ordinality as g(v, n)
          where c.domains @> jsonb_build_array(jsonb_build_object('code', g.v->>'domain'))
        union all
        select f.v->>'code', 0, 1000000 + f.n
          from jsonb_array_elements(c.domains) with ordinality as f(v, n) where x.guessed)
        order by n limit 1) d),
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
      select actor_id, actor_label, action, entity_type, entity_id,
        case when after ? 'domain' then after || jsonb_build_object('domain', domain) else after end, request_id
      from k)
    select x.id::text as id, exists (select 1 from s where s.id = x.id) as stored,
      k.domain, k.domain_confidence, coalesce(
      (select jsonb_agg(o.id) from ${ideaSuggestions} o
        where o.id = any(x.similar_ids) and o.status = any(x.shown_statuses)),
      '[]'::jsonb) as shown,
      (select c.ends_on::text from c where c.id = x.campaign_id and x.intake_day > c.ends_on) as closed_on
    from x left join k on k.id = x.id`);
  type Answer = {
    id: string;
    stored: boolean;
    domain: string;
    domain_confidence: number;
    shown: string[];
    closed_on: string | null;
  };
  const answers = new Map(
    (result as unknown as { rows: Answer[] }).rows.map((r) => [
      r.id,
      r.stored
        ? { domain: r.domain, domainConfidence: Number(r.domain_confidence), shown: r.shown }
        : r.closed_on
          ? { closedOn: r.closed_on }
          : null,
    ]),
  );
  return rows.map((r) => answers.get(r.id) ?? null);
}

/**
 * When `row` is in the database already as this very write, its domain and its `shownAmong` ids
 * the public may see; else undefined. The id is made by the submitting request (a random UUID) and the row must
 * also hold what was submitted: a different suggestion under a colliding id is not taken for it.
 * The statement wrote the row with its participation, timeline entry and audit event, so finding
 * the row means all of them committed.
 */
async function storedSuggestion(db: Db, r: NewSuggestionRow): Promise<StoredSuggestion | undefined> {
  const s = ideaSuggestions;
  const ids = JSON.stringify(r.shownAmong?.ids ?? []);
  const statuses = JSON.stringify(r.shownAmong?.statuses ?? []);
  const result = await db.execute(sql`
    select coalesce((select jsonb_agg(o.id) from ${s} o
        where o.id::text in (select jsonb_array_elements_text(${ids}::jsonb))
          and o.status in (select jsonb_array_elements_text(${statuses}::jsonb))),
      '[]'::jsonb) as shown, ${s.domain} as domain, ${s.domainConfidence} as domain_confidence
    from ${s}
    where ${s.id} = ${r.id} and ${s.trackingCode} = ${r.trackingCode} and ${s.campaignId} = ${r.campaignId}
      and ${s.townId} = ${r.townId} and ${s.title} = ${r.title} and ${s.body} = ${r.body}
      and ${s.authorKind} = ${r.authorKind} and ${s.channel} = ${r.channel}
      and ${s.authorUserId} is not distinct from ${r.authorUserId}::uuid
      and ${s.realName} is not distinct from ${r.realName}::text and ${s.phone} is not distinct from ${r.phone}::text
      and ${s.eventId} is not distinct from ${r.eventId}::uuid and ${s.createdBy} is not distinct from ${r.createdBy}::uuid`);
  const [found] = (
    result as unknown as { rows: Array<{ shown: string[]; domain: string; domain_confidence: number }> }
  ).rows;
  return (
    found && { domain: found.domain, domainConfidence: Number(found.domain_confidence), shown: found.shown }
  );
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
 * Stores one new suggestion; resolves once it has committed, with the domain it went into and
 * those of its `shownAmong` ids the public may see. Refused (`domain_removed`) when its campaign
 * no longer has its chosen domain: the checks before saw the domain, an edit of the campaign
 * removed it since. A guessed domain is not refused (see `otherGuesses`). A public submission
 * after the period as stored is refused (`campaign_closed`, see `intakeDay`).
 */
export async function storeSuggestion(db: Db, row: NewSuggestionRow): Promise<StoredSuggestion> {
  // Inside a caller's transaction the row must commit with it, so it is written at once.
  const shown = inTransaction(db) ? (await insertSuggestions(db, [row]))[0] : await grouped(db).submit(row);
  if (!shown) throw domainRemoved(row.domain);
  if ('closedOn' in shown) throw campaignClosed({ endsOn: shown.closedOn });
  return shown;
}
