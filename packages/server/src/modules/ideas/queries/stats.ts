import { and, eq, gte, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { transaction } from '../../../db/transaction.js';
import { todayInChina } from '../../../kernel/deadlines.js';
import type { Stats } from '../contracts.js';
import { ideaCampaigns, ideaParticipationRollup, ideaParticipations, ideaSuggestions } from '../schema.js';
import { currentCampaign } from './campaigns.js';
import { unitIndex } from './lookup.js';

const DAY = 86_400_000;
const CST = 8 * 3_600_000;

/** The start of today in China Standard Time (UTC+8, no daylight saving). */
export const startOfTodayCst = (now = Date.now()) => new Date(Math.floor((now + CST) / DAY) * DAY - CST);

const dayExpr = sql`((${ideaParticipations.at} at time zone 'UTC') + interval '8 hours')::date::text`;

/** Counts by day and by each dimension, in one pass with grouping sets. */
export const grouped = (db: Db, where: ReturnType<typeof and>) =>
  db.execute<{ day: string; dim: string; key: string | null; n: number }>(sql`
    select ${dayExpr} as day,
      case when grouping(${ideaParticipations.channel}) = 0 then 'channel'
           when grouping(${ideaParticipations.townId}) = 0 then 'town'
           when grouping(${ideaParticipations.authorKind}) = 0 then 'authorKind'
           when grouping(${ideaParticipations.kind}) = 0 then 'kind'
           else 'all' end as dim,
      coalesce(${ideaParticipations.channel}, ${ideaParticipations.townId}::text, ${ideaParticipations.authorKind},
        ${ideaParticipations.kind}, '') as key,
      count(*)::int as n
    from ${ideaParticipations} where ${where}
    group by grouping sets ((${dayExpr}, ${ideaParticipations.channel}), (${dayExpr}, ${ideaParticipations.townId}),
      (${dayExpr}, ${ideaParticipations.authorKind}), (${dayExpr}, ${ideaParticipations.kind}), (${dayExpr}))`);

export type Row = { day: string; dim: string; key: string | null; n: number };
export const rowsOf = (r: unknown) => (r as { rows: Row[] }).rows;

/**
 * Closes the days before today into the rollup once a day. The campaign row is locked while
 * doing so, so that two processes never add the same days twice.
 */
export async function refreshRollup(db: Db, campaignId: string, now = Date.now()) {
  const cutoff = startOfTodayCst(now);
  await transaction(db, async (tx) => {
    const [c] = await tx
      .select({ upTo: ideaCampaigns.rolledUpTo })
      .from(ideaCampaigns)
      .where(eq(ideaCampaigns.id, campaignId))
      .for('update');
    if (!c || (c.upTo && c.upTo >= cutoff)) return;
    const where = and(
      eq(ideaParticipations.campaignId, campaignId),
      c.upTo ? gte(ideaParticipations.at, c.upTo) : undefined,
      sql`${ideaParticipations.at} < ${cutoff.toISOString()}`,
    );
    const rows = rowsOf(await grouped(tx, where)).filter((r) => r.key !== null);
    for (let i = 0; i < rows.length; i += 1000) {
      await tx
        .insert(ideaParticipationRollup)
        .values(
          rows
            .slice(i, i + 1000)
            .map((r) => ({ campaignId, day: r.day, dim: r.dim, key: r.key ?? '', n: r.n })),
        )
        .onConflictDoUpdate({
          target: [
            ideaParticipationRollup.campaignId,
            ideaParticipationRollup.day,
            ideaParticipationRollup.dim,
            ideaParticipationRollup.key,
          ],
          set: { n: sql`${ideaParticipationRollup.n} + excluded.n` },
        });
    }
    await tx.update(ideaCampaigns).set({ rolledUpTo: cutoff }).where(eq(ideaCampaigns.id, campaignId));
  });
}

/** Public figures may lag a few seconds: each process answers from its own copy meanwhile. */
const STATS_TTL_MS = 5000;
const statsCache = new WeakMap<Db, { at: number; stats: Promise<Stats> }>();

export function campaignStats(db: Db, primary: Db = db): Promise<Stats> {
  const hit = statsCache.get(db);
  if (hit && Date.now() - hit.at < STATS_TTL_MS) return hit.stats;
  const stats = computeStats(db, primary);
  statsCache.set(db, { at: Date.now(), stats });
  stats.catch(() => statsCache.delete(db));
  return stats;
}

/**
 * Public figures of the current campaign: closed days from the rollup, today counted live. Read
 * from `reader` (a replica may serve them) unless the rollup must first be brought up to date:
 * then the primary writes it and answers, since a replica would not hold those rows yet.
 */
export async function computeStats(reader: Db, primary: Db = reader): Promise<Stats> {
  let db = reader;
  const campaign = await currentCampaign(db);
  const cutoff = startOfTodayCst();
  const [c] = await db
    .select({ upTo: ideaCampaigns.rolledUpTo })
    .from(ideaCampaigns)
    .where(eq(ideaCampaigns.id, campaign.id));
  if (!c?.upTo || c.upTo < cutoff) {
    db = primary;
    await refreshRollup(db, campaign.id);
  }
  const [closed, live, suggestions] = await Promise.all([
    db
      .select({
        day: ideaParticipationRollup.day,
        dim: ideaParticipationRollup.dim,
        key: ideaParticipationRollup.key,
        n: ideaParticipationRollup.n,
      })
      .from(ideaParticipationRollup)
      .where(eq(ideaParticipationRollup.campaignId, campaign.id)),
    grouped(
      db,
      and(
        eq(ideaParticipations.campaignId, campaign.id),
        sql`${ideaParticipations.at} >= ${cutoff.toISOString()}`,
      ),
    ),
    db
      .select({
        domain: ideaSuggestions.domain,
        status: ideaSuggestions.status,
        n: sql<number>`count(*)::int`,
      })
      .from(ideaSuggestions)
      .where(eq(ideaSuggestions.campaignId, campaign.id))
      .groupBy(ideaSuggestions.domain, ideaSuggestions.status),
  ]);
  return assembleStats(
    [...closed, ...rowsOf(live)],
    suggestions,
    chartPeriod(campaign),
    townOfUnit(await unitIndex(db)),
  );
}

const townKinds = new Set(['subdistrict', 'town', 'township']);

/**
 * The town (street, town or township) a participation's unit counts under: itself, or for a
 * community or village the town above it. Anything else — the district, a department that
 * organised an event, no unit at all — is no town, and null.
 */
export function townOfUnit(units: ReadonlyMap<string, { path: string; kind: string }>) {
  return (id: string): string | null => {
    const unit = units.get(id);
    if (!unit) return null;
    if (townKinds.has(unit.kind)) return id;
    if (unit.kind !== 'community' && unit.kind !== 'village') return null;
    const above = unit.path.split('/').filter(Boolean).reverse();
    return above.find((a) => townKinds.has(units.get(a)?.kind ?? '')) ?? null;
  };
}

/** The days the daily chart shows: the campaign's period, up to today while it runs. */
export function chartPeriod(campaign: { startsOn: string; endsOn: string }, today = todayInChina()) {
  return { from: campaign.startsOn, to: [today, campaign.endsOn].sort()[0]! };
}

/** Every day from `from` to `to`, both included (ISO dates, none when `to` is before `from`). */
export function daysOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/**
 * Sums participation rows (per day and dimension) and suggestion counts into the figures shown.
 * The days are those of `period`, a day without participation at 0; the total counts every row.
 * By town counts towns only (`townOf`); what no town holds is `outsideTowns`, still in the total.
 */
export function assembleStats(
  rows: readonly Row[],
  suggestions: ReadonlyArray<{ domain: string; status: string; n: number }>,
  period: { from: string; to: string },
  townOf: (unitId: string) => string | null,
): Stats {
  const sums = new Map<string, Map<string, number>>();
  const add = (dim: string, key: string, n: number) => {
    const m = sums.get(dim) ?? new Map<string, number>();
    sums.set(dim, m);
    m.set(key, (m.get(key) ?? 0) + n);
  };
  let outsideTowns = 0;
  for (const r of rows) {
    if (r.key === null) continue;
    if (r.dim === 'all') add('day', r.day, r.n);
    else if (r.dim === 'town') {
      // An event's attendance is kept under its organiser's unit, which may be a department.
      const town = r.key ? townOf(r.key) : null;
      if (town) add('town', town, r.n);
      else outsideTowns += r.n;
    } else add(r.dim, r.key || 'unknown', r.n);
  }
  for (const s of suggestions) {
    // Merged suggestions live on in the one they went into: counted by domain as in the total.
    if (s.status !== 'merged') add('domain', s.domain, s.n);
    add('status', s.status, s.n);
  }
  const list = (dim: string, byKey = false) =>
    [...(sums.get(dim) ?? new Map<string, number>())]
      .map(([key, n]) => ({ key, n }))
      .sort((a, b) => (byKey ? a.key.localeCompare(b.key) : b.n - a.n || a.key.localeCompare(b.key)));
  const perDay = sums.get('day') ?? new Map<string, number>();
  const byDay = daysOf(period.from, period.to).map((key) => ({ key, n: perDay.get(key) ?? 0 }));
  return {
    participations: [...perDay.values()].reduce((s, n) => s + n, 0),
    suggestions: suggestions.filter((s) => s.status !== 'merged').reduce((s, r) => s + r.n, 0),
    byDay,
    byChannel: list('channel'),
    byTown: list('town'),
    outsideTowns,
    byAuthorKind: list('authorKind'),
    byKind: list('kind'),
    byDomain: list('domain'),
    byStatus: list('status'),
  };
}
