import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { ideaSuggestions } from '../schema.js';
import { clusterInWorker, type HardProblem } from '../text/clusters.js';
import { suggestionText } from '../text/engine.js';

/** Most suggestions clustered for hard-problem candidates (the newest). */
const CLUSTER_LIMIT = 6000;
/** Clusters kept per campaign: more than any list asks for (twice its size). */
const KEEP = 200;
/**
 * How old a clustering may be and still answer while its successor is computed: the background
 * refresh keeps it within seconds of the suggestions, and an office choosing a list is not
 * served by waiting seconds for one more suggestion in a cluster.
 */
const STALE_OK_MS = 2 * 60_000;
/** A campaign's clusters are kept fresh in the background this long after someone asked. */
const KEEP_FRESH_MS = 60 * 60_000;

interface Clustered {
  fingerprint: string;
  at: number;
  /** How long it took, in milliseconds: the background refresh rests in proportion. */
  took: number;
  clusters: HardProblem[];
}

interface CampaignClusters {
  done?: Clustered | undefined;
  running?: Promise<Clustered> | undefined;
  askedAt: number;
}

/** Per database (tests run several), per campaign, in this process. */
const cache = new WeakMap<Db, Map<string, CampaignClusters>>();

function stateOf(db: Db, campaignId: string): CampaignClusters {
  const byCampaign = cache.get(db) ?? new Map<string, CampaignClusters>();
  cache.set(db, byCampaign);
  const state = byCampaign.get(campaignId) ?? { askedAt: 0 };
  byCampaign.set(campaignId, state);
  return state;
}

/**
 * Only what screening let through: a hard problem's title is published and its authors are
 * honoured, so an unscreened suggestion (names, numbers, anything) must not lend its words, and a
 * merged one lives on in its target.
 */
const clustered = inArray(ideaSuggestions.status, ['accepted', 'adopted']);

/**
 * What the clustering depends on, in one indexed aggregate: a suggestion being accepted,
 * adopted, merged away or changed, or gaining a support changes it.
 */
async function fingerprintOf(db: Db, campaignId: string): Promise<string> {
  const [row] = await db
    .select({
      n: sql<number>`count(*)::int`,
      created: sql<string | null>`max(${ideaSuggestions.createdAt})::text`,
      updated: sql<string | null>`max(${ideaSuggestions.updatedAt})::text`,
      supports: sql<string>`coalesce(sum(${ideaSuggestions.supports}), 0)::text`,
    })
    .from(ideaSuggestions)
    .where(and(eq(ideaSuggestions.campaignId, campaignId), clustered));
  return `${row?.n}|${row?.created}|${row?.updated}|${row?.supports}`;
}

async function cluster(db: Db, campaignId: string, fingerprint: string): Promise<Clustered> {
  const started = Date.now();
  const rows = await db
    .select({
      id: ideaSuggestions.id,
      title: ideaSuggestions.title,
      body: ideaSuggestions.body,
      supports: ideaSuggestions.supports,
      createdAt: ideaSuggestions.createdAt,
    })
    .from(ideaSuggestions)
    .where(and(eq(ideaSuggestions.campaignId, campaignId), clustered))
    .orderBy(desc(ideaSuggestions.createdAt))
    .limit(CLUSTER_LIMIT);
  const clusters = await clusterInWorker({
    keep: KEEP,
    items: rows.map((r) => ({
      id: r.id,
      text: suggestionText(r.title, r.body),
      time: r.createdAt.getTime(),
      supports: r.supports,
    })),
  });
  return { fingerprint, at: Date.now(), took: Date.now() - started, clusters };
}

/** Starts a clustering unless one is running; either way resolves with the next result. */
function recluster(db: Db, campaignId: string, fingerprint: string): Promise<Clustered> {
  const state = stateOf(db, campaignId);
  state.running ??= cluster(db, campaignId, fingerprint)
    .then((done) => {
      state.done = done;
      return done;
    })
    .finally(() => {
      state.running = undefined;
    });
  return state.running;
}

/**
 * The hottest clusters of a campaign's suggestions. The clustering is kept in the process and
 * done again when the suggestions change; a recent one answers while its successor runs.
 */
export async function hardProblems(db: Db, campaignId: string): Promise<HardProblem[]> {
  const state = stateOf(db, campaignId);
  state.askedAt = Date.now();
  const fingerprint = await fingerprintOf(db, campaignId);
  const done = state.done;
  if (done?.fingerprint === fingerprint) return done.clusters;
  const next = recluster(db, campaignId, fingerprint);
  if (done && Date.now() - done.at < STALE_OK_MS) {
    next.catch(() => undefined);
    return done.clusters;
  }
  return (await next).clusters;
}

/**
 * The background refresh spends at most this share of one core on clustering: while
 * suggestions pour in, a clustering of seconds every 15 s would take a core from intake.
 */
const BACKGROUND_SHARE = 0.1;

/**
 * Clusters again, ahead of the next request, each campaign asked for lately whose suggestions
 * changed since, resting after each clustering in proportion to its cost. `warm`, the current
 * campaign at start, is clustered once, and kept fresh only once someone asks for it: during
 * intake nobody is choosing a list, and the clustering would compete with submissions.
 */
export async function refreshHardProblems(db: Db, warm?: string): Promise<void> {
  if (warm) {
    const state = stateOf(db, warm);
    if (!state.done && !state.running) await recluster(db, warm, await fingerprintOf(db, warm));
  }
  for (const [campaignId, state] of cache.get(db) ?? []) {
    if (Date.now() - state.askedAt > KEEP_FRESH_MS) continue;
    // One under way may have started before the latest change: let it end, then look again.
    if (state.running) await state.running.catch(() => undefined);
    const last = state.done;
    if (last && Date.now() - last.at < last.took * (1 / BACKGROUND_SHARE - 1)) continue;
    const fingerprint = await fingerprintOf(db, campaignId);
    if (last?.fingerprint !== fingerprint) await recluster(db, campaignId, fingerprint);
  }
}

/** How often the background refresh looks for changed suggestions. */
const REFRESH_MS = 15_000;

/**
 * The background refresh of the server: the current campaign clustered at start, then every
 * campaign asked for lately clustered again once its suggestions change. Returns its stop.
 */
export function startHardProblemRefresh(
  db: Db,
  current: () => Promise<string | null>,
  onError: (err: unknown) => void,
): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = async (warm?: string | null) => {
    try {
      await refreshHardProblems(db, warm ?? undefined);
    } catch (error) {
      if (!stopped) onError(error);
    }
    if (!stopped) timer = setTimeout(() => void tick(), REFRESH_MS).unref();
  };
  void current().then(tick, onError);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
