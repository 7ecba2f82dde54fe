import { pick, type Random, seededRandom } from '@qianxing/core/random';
import { sql } from 'drizzle-orm';
import { audit, systemActor } from '../../../audit/audit.js';
import type { ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import { type Tx, transaction } from '../../../db/transaction.js';
import { unitBriefs } from '../../units/api.js';
import { type authorKinds, type channels, ideaCampaigns, ideaEvents, ideaSuggestions } from '../schema.js';
import { ideasEngine } from '../text/engine.js';
import { newTrackingCode, searchTokens, suggestionWords } from '../text/tokens.js';
import { DEMO_STARTS_ON, demoCampaign, demoEndsOn, demoSpanMs } from './demo-campaign.js';
import { demoEventOf, demoEvents } from './demo-events.js';
import { demoDomainCodes, demoSuggestionText, inOwnTown, nearDuplicate } from './demo-text.js';
import { seedEngagement } from './engage.js';
import { seedIdeasFollowUp } from './follow-up.js';

export interface IdeasSeedVolume {
  suggestions: number;
  supports: number;
  speechContestants: number;
  comments: number;
  surveyResponses: number;
}

/** The full demo (10,000+ suggestions, 200,000+ participations) or a small one for tests. */
export const ideasVolumes: Record<'full' | 'small', IdeasSeedVolume> = {
  full: {
    suggestions: 10_400,
    supports: 190_000,
    speechContestants: 1_086,
    comments: 1_500,
    surveyResponses: 3_000,
  },
  small: { suggestions: 60, supports: 300, speechContestants: 30, comments: 20, surveyResponses: 30 },
};

const defaultVolume = (): 'full' | 'small' =>
  (process.env.QIANXING_DEMO_IDEAS ?? (process.env.VITEST ? 'small' : 'full')) === 'small' ? 'small' : 'full';

const channelWeights: Array<[(typeof channels)[number], number]> = [
  ['online', 0.62],
  ['written', 0.16],
  ['outreach', 0.14],
  ['homecoming', 0.03],
  ['event', 0.05],
];
const kindWeights: Array<[(typeof authorKinds)[number], number]> = [
  ['resident', 0.5],
  ['cadre', 0.18],
  ['native_abroad', 0.06],
  ['student', 0.12],
  ['enterprise', 0.09],
  ['deputy', 0.05],
];
const statusWeights: Array<['submitted' | 'accepted' | 'rejected', number]> = [
  ['submitted', 0.3],
  ['accepted', 0.55],
  ['rejected', 0.15],
];
function weighted<T>(rand: () => number, ws: Array<[T, number]>): T {
  let r = rand();
  for (const [v, w] of ws) {
    r -= w;
    if (r < 0) return v;
  }
  return ws[ws.length - 1]![0];
}

async function insertChunks<T>(db: Db, rows: T[], insert: (chunk: T[]) => Promise<unknown>, size = 1000) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
  void db;
}

/**
 * Seeds the demo campaign once: suggestions across towns, channels, author kinds and domains
 * (with near duplicates), the participation ledger, events, reviews in progress, published
 * lists and adopted actions. Bulk inserts, one audit event per batch.
 */
export async function seedIdeasDemo(
  ctx: ServiceContext,
  volumeName: 'full' | 'small' = defaultVolume(),
  now = new Date(),
): Promise<void> {
  const [has] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(ideaCampaigns);
  if ((has?.n ?? 0) > 0) return;
  const volume = ideasVolumes[volumeName];
  const rand = seededRandom(20200401);
  const allUnits = await unitBriefs(ctx.db);
  const towns = allUnits.filter((u) => ['subdistrict', 'town', 'township'].includes(u.kind));
  const byCode = new Map(allUnits.map((u) => [u.code, u]));
  await transaction(ctx.db, async (tx) => {
    const [campaign] = await tx
      .insert(ideaCampaigns)
      .values({ ...demoCampaign, endsOn: demoEndsOn(now) })
      .returning();
    const campaignId = campaign!.id;
    const events = await tx
      .insert(ideaEvents)
      .values(demoEvents(campaignId, byCode, towns, volume.speechContestants))
      .returning();
    const rows = demoSuggestions(rand, volume, campaignId, towns, events, now);
    await insertChunks(tx, rows, (chunk) => tx.insert(ideaSuggestions).values(chunk));
    await seedParticipations(tx, campaignId, volume, events, now);
    await audit(tx, systemActor('seed'), {
      action: 'suggestion.seedDemo',
      entityType: 'campaign',
      entityId: campaignId,
      after: { suggestions: rows.length, supports: volume.supports, events: events.length },
    });
    await seedIdeasFollowUp(tx, campaignId, rand);
    await seedEngagement(
      tx,
      campaignId,
      rand,
      volume,
      towns.map((t) => t.id),
      now,
    );
  });
  ideasEngine.forget(ctx.db);
}

/**
 * Submissions, supports and attendance, written by the database itself in a few statements. A
 * support comes within 20 days of its suggestion and never after `now`: those that would fall
 * later are not drawn (a few more are drawn to make up the volume), never piled on one day.
 */
async function seedParticipations(
  tx: Tx,
  campaignId: string,
  volume: IdeasSeedVolume,
  events: Array<{ id: string; attendanceCount: number; heldOn: string; organiserUnitId: string }>,
  now: Date,
) {
  await tx.execute(sql`
    insert into idea_participations (campaign_id, kind, channel, town_id, author_kind, suggestion_id, event_id, at)
    select campaign_id, 'submission', channel, town_id, author_kind, id, event_id, created_at
    from idea_suggestions where campaign_id = ${campaignId}`);
  // Supports fall on suggestions at random (a few get many: the square skews towards the front).
  await tx.execute(sql`
    with s as (select id, town_id, created_at, row_number() over (order by created_at) as rn
               from idea_suggestions where campaign_id = ${campaignId} and status <> 'rejected'),
         n as (select count(*) as c from s),
         g as (select 1 + floor(power(random(), 2) * (select c from n))::int as rn, random() as r
               from generate_series(1, ${Math.ceil(volume.supports * 1.25)})),
         d as (select s.town_id, s.id, s.created_at + (g.r * interval '20 days') as at
               from g join s on s.rn = g.rn)
    insert into idea_participations (campaign_id, kind, channel, town_id, suggestion_id, at)
    select ${campaignId}, 'support', 'online', d.town_id, d.id, d.at
    from d where d.at <= ${now.toISOString()}::timestamptz limit ${volume.supports}`);
  await tx.execute(sql`
    update idea_suggestions s set supports = p.n
    from (select suggestion_id, count(*)::int as n from idea_participations
          where campaign_id = ${campaignId} and kind = 'support' group by suggestion_id) p
    where s.id = p.suggestion_id`);
  for (const e of events) {
    await tx.execute(sql`
      insert into idea_participations (campaign_id, kind, channel, town_id, event_id, at)
      select ${campaignId}, 'attendance', 'event', ${e.organiserUnitId}, ${e.id},
             (${e.heldOn}::date + time '01:00') at time zone 'UTC'
      from generate_series(1, ${e.attendanceCount})`);
  }
}

type Brief = { id: string; code: string; name: string };

/** The demo suggestions, drawn in a fixed order from `rand`: near duplicates included. */
function demoSuggestions(
  rand: Random,
  volume: IdeasSeedVolume,
  campaignId: string,
  towns: Brief[],
  events: ReadonlyArray<{ id: string; kind: string; organiserUnitId: string }>,
  now: Date,
) {
  const start = Date.parse(`${DEMO_STARTS_ON}T00:00:00+08:00`);
  const span = demoSpanMs(now);
  const rows: Array<typeof ideaSuggestions.$inferInsert> = [];
  const texts: Array<{ title: string; body: string }> = [];
  for (let i = 0; i < volume.suggestions; i++) {
    const domain = pick(rand, demoDomainCodes);
    const dupOf = i > 20 && rand() < 0.08 ? texts[Math.floor(rand() * texts.length)] : undefined;
    const drawn = dupOf ? nearDuplicate(rand, dupOf) : demoSuggestionText(rand, domain);
    texts.push(drawn);
    const channel = weighted(rand, channelWeights);
    const status = weighted(rand, statusWeights);
    const named = rand() < 0.4;
    // Every town is represented, the organiser's street (城西街道) and its neighbours included;
    // a suggestion heard at an event a town held comes from that town.
    const eventId = demoEventOf(channel, i, events);
    const heldBy = events.find((e) => e.id === eventId)?.organiserUnitId;
    const town = towns.find((t) => t.id === heldBy) ?? towns[i % towns.length]!;
    // A near duplicate re-submitted from another town asks for its own town too.
    const text = inOwnTown(drawn, town.name);
    rows.push({
      campaignId,
      title: text.title,
      body: text.body,
      domain,
      domainConfidence: Math.round((0.55 + rand() * 0.44) * 1000) / 1000,
      domainConfirmed: status === 'accepted',
      townId: town.id,
      authorKind: channel === 'homecoming' ? 'native_abroad' : weighted(rand, kindWeights),
      channel,
      realName: named
        ? pick(rand, ['张', '李', '王', '刘', '陈', '杨']) + pick(rand, ['明', '华', '芳', '军', '丽'])
        : null,
      phone: named ? `139${String(Math.floor(rand() * 1e8)).padStart(8, '0')}` : null,
      trackingCode: newTrackingCode(),
      status,
      rejectReason: status === 'rejected' ? pick(rand, demoCampaign.rejectReasons) : null,
      tokens: searchTokens(`${text.title} ${text.body}`),
      ...suggestionWords(text.title, text.body),
      supports: 0,
      eventId,
      createdAt: new Date(start + Math.floor(rand() * span)),
    });
  }
  return rows;
}
