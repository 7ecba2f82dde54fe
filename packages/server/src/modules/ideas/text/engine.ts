import type { Prediction } from '@qianxing/core/text';
import { and, desc, eq, gt, inArray, notInArray } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import type { Campaign } from '../contracts.js';
import { currentCampaign, storedDomains } from '../queries/campaigns.js';
import { ideaSuggestions } from '../schema.js';
import { TextWorkerClient } from './client.js';
import { type Analysis, type IndexedSuggestion, suggestionText, type Training } from './engines.js';

export { suggestionText };

/** Most labelled examples the classifier trains on (newest first): keeps retraining quick. */
const TRAIN_LIMIT = 3000;
/** How often a process reads suggestions other processes inserted. */
const CATCH_UP_MS = 10_000;

interface CampaignState {
  /** Settles once the worker holds the campaign's index and classifier. */
  built: Promise<void>;
  building: boolean;
  /** The worker generation that holds them: a new worker must be given them again. */
  generation: number;
  /** The domains' version (see domainsVersion) the classifier was last trained on. */
  version: string;
  /** A retraining on the domains as stored, under way. */
  syncing?: Promise<void> | undefined;
  lastSeen: Date;
  lastSync: number;
  retrainTimer?: ReturnType<typeof setTimeout>;
}

/**
 * What the classifier learns of a campaign's settings: its domains' codes, names and
 * descriptions. Two campaign reads with the same version train the same labels.
 */
export const domainsVersion = (domains: Campaign['domains']): string =>
  JSON.stringify(domains.map((d) => [d.code, d.name, d.description]));

/**
 * The classifier's training on the campaign's domains as stored, not as the caller's campaign
 * holds them: another process may have edited them since this one cached the campaign, and a
 * caller holding an older read must not train the classifier back to the older domains.
 */
async function trainingOf(db: Db, campaignId: string, stored?: Campaign['domains']) {
  const campaign = { id: campaignId, domains: stored ?? (await storedDomains(db, campaignId)) };
  const domains = campaign.domains.map((d) => d.code);
  const rows = await db
    .select({ title: ideaSuggestions.title, body: ideaSuggestions.body, domain: ideaSuggestions.domain })
    .from(ideaSuggestions)
    .where(
      and(
        eq(ideaSuggestions.campaignId, campaign.id),
        eq(ideaSuggestions.domainConfirmed, true),
        inArray(ideaSuggestions.domain, domains),
      ),
    )
    .orderBy(desc(ideaSuggestions.createdAt))
    .limit(TRAIN_LIMIT);
  const training: Training = {
    examples: rows.map((r) => ({ label: r.domain, text: suggestionText(r.title, r.body) })),
    descriptions: campaign.domains.map((d) => ({ label: d.code, text: `${d.name} ${d.description}` })),
  };
  return { training, version: domainsVersion(campaign.domains) };
}

/** A number per database this process opened, so that two databases' campaigns never meet. */
const databaseIds = new WeakMap<Db, number>();
let databases = 0;

/**
 * The text worker's key of a campaign: its database and its id. One process may serve several
 * districts, each its own database, and a district's database may begin as a copy of another's
 * (a restored backup), so a campaign id alone could name two districts' campaigns.
 */
function keyOf(db: Db, campaignId: string): string {
  let id = databaseIds.get(db);
  if (id === undefined) {
    id = ++databases;
    databaseIds.set(db, id);
  }
  return `${id}:${campaignId}`;
}

/**
 * Per campaign of each database, a near-duplicate index and a domain classifier, held by the text
 * worker (a thread of this process) and built from the database at first use. They are kept
 * current by the commands of this process and by a periodic read of rows other processes inserted.
 */
export class IdeasEngine {
  /** By keyOf(database, campaign id). */
  private readonly campaigns = new Map<string, CampaignState>();
  private readonly worker = new TextWorkerClient();
  /** The databases whose servers have started and not yet stopped (see attach). */
  private readonly attached = new Set<Db>();

  /** Builds the campaign's index and classifier; answers the domains' version trained on. */
  private async build(db: Db, campaign: Campaign): Promise<string> {
    const rows: IndexedSuggestion[] = await db
      .select({ id: ideaSuggestions.id, title: ideaSuggestions.title, body: ideaSuggestions.body })
      .from(ideaSuggestions)
      .where(
        and(
          eq(ideaSuggestions.campaignId, campaign.id),
          notInArray(ideaSuggestions.status, ['rejected', 'merged']),
        ),
      );
    const { training, version } = await trainingOf(db, campaign.id);
    await this.worker.call('build', keyOf(db, campaign.id), rows, training);
    return version;
  }

  /**
   * The campaign's state, its index and classifier built (again, if the worker was replaced), the
   * classifier trained on the domains `campaign` has, or on newer ones stored since.
   */
  private async ready(db: Db, campaign: Campaign): Promise<CampaignState> {
    const key = keyOf(db, campaign.id);
    let state = this.campaigns.get(key);
    if (!state || (!state.building && state.generation !== this.worker.liveGeneration)) {
      const fresh: CampaignState = {
        built: Promise.resolve(),
        building: true,
        generation: -1,
        version: '',
        lastSeen: new Date(),
        lastSync: Date.now(),
      };
      fresh.built = this.build(db, campaign).then(
        (version) => {
          fresh.version = version;
          fresh.building = false;
          fresh.generation = this.worker.liveGeneration;
        },
        (error: unknown) => {
          if (this.campaigns.get(key) === fresh) this.campaigns.delete(key);
          throw error;
        },
      );
      this.campaigns.set(key, fresh);
      state = fresh;
    }
    await state.built;
    // Another process edited the domains: this one learns it from its next read of the campaign.
    if (domainsVersion(campaign.domains) !== state.version) await this.sync(db, campaign.id, state);
    if (Date.now() - state.lastSync > CATCH_UP_MS) {
      state.lastSync = Date.now();
      void this.catchUp(db, campaign.id, state).catch(() => undefined);
    }
    return state;
  }

  /** Retrains on the domains as stored when they differ from those trained on; one at a time. */
  private sync(db: Db, campaignId: string, state: CampaignState): Promise<void> {
    state.syncing ??= (async () => {
      const stored = await storedDomains(db, campaignId);
      // The caller's campaign is an older read than the one trained on: nothing to do.
      if (domainsVersion(stored) === state.version) return;
      await this.train(db, campaignId, state, stored);
    })().finally(() => {
      state.syncing = undefined;
    });
    return state.syncing;
  }

  /**
   * Trains the classifier again. The worker answers in order, so the version recorded last is
   * that of the last training it took, whichever read of the domains came first.
   */
  private async train(db: Db, campaignId: string, state: CampaignState, stored?: Campaign['domains']) {
    const { training, version } = await trainingOf(db, campaignId, stored);
    await this.worker.call('retrain', keyOf(db, campaignId), training);
    state.version = version;
  }

  private async catchUp(db: Db, campaignId: string, state: CampaignState) {
    const rows = await db
      .select({
        id: ideaSuggestions.id,
        title: ideaSuggestions.title,
        body: ideaSuggestions.body,
        createdAt: ideaSuggestions.createdAt,
      })
      .from(ideaSuggestions)
      .where(
        and(
          eq(ideaSuggestions.campaignId, campaignId),
          gt(ideaSuggestions.createdAt, state.lastSeen),
          notInArray(ideaSuggestions.status, ['rejected', 'merged']),
        ),
      );
    for (const r of rows) if (r.createdAt > state.lastSeen) state.lastSeen = r.createdAt;
    if (rows.length > 0)
      await this.worker.call(
        'add',
        keyOf(db, campaignId),
        rows.map(({ id, title, body }) => ({ id, title, body })),
      );
  }

  /** Builds the campaign's index and classifier now, if they are not built yet. */
  async warm(db: Db, campaign: Campaign): Promise<void> {
    await this.ready(db, campaign);
  }

  /** Domain and near duplicates of a text. */
  async analyse(db: Db, campaign: Campaign, text: string, exclude: string[] = []): Promise<Analysis> {
    await this.ready(db, campaign);
    return this.worker.call('analyse', keyOf(db, campaign.id), text, exclude);
  }

  /** The domain of each text. */
  async classify(db: Db, campaign: Campaign, texts: string[]): Promise<Prediction[]> {
    await this.ready(db, campaign);
    return this.worker.call('classify', keyOf(db, campaign.id), texts);
  }

  /** After a commit that inserted suggestions. */
  async added(db: Db, campaign: Campaign, items: IndexedSuggestion[]): Promise<void> {
    await this.ready(db, campaign);
    await this.worker.call('add', keyOf(db, campaign.id), items);
  }

  /** After a reject or a merge: the suggestion no longer counts as a duplicate target. */
  removed(db: Db, campaignId: string, ids: string[]) {
    const key = keyOf(db, campaignId);
    if (!this.campaigns.has(key)) return;
    void this.worker.call('remove', key, ids).catch(() => undefined);
  }

  /** After reclassifications: retrain in the background, once for a burst of changes. */
  scheduleRetrain(db: Db, campaign: Campaign, delayMs = 2000) {
    const state = this.campaigns.get(keyOf(db, campaign.id));
    if (!state) return;
    if (state.retrainTimer) clearTimeout(state.retrainTimer);
    state.retrainTimer = setTimeout(() => {
      state.retrainTimer = undefined;
      void this.retrain(db, campaign).catch(() => undefined);
    }, delayMs);
    state.retrainTimer.unref?.();
  }

  /** Retrains now. */
  async retrain(db: Db, campaign: Campaign) {
    await this.train(db, campaign.id, await this.ready(db, campaign));
  }

  /** Ends the text worker; the next call starts a new one and builds each campaign again. */
  async close(): Promise<void> {
    await this.worker.close();
  }

  /** A server on `db` has started (the ideas module's start). */
  attach(db: Db) {
    this.attached.add(db);
  }

  /**
   * That server stops: its campaigns are dropped, and the worker ends once no server of this
   * process is left, while another district's server goes on using it.
   */
  async detach(db: Db): Promise<void> {
    this.attached.delete(db);
    this.forget(db);
    if (this.attached.size === 0) await this.close();
  }

  /** Drops one campaign of `db`, or all of them: they are built again at their next use. */
  forget(db: Db, campaignId?: string) {
    const keys = campaignId
      ? [keyOf(db, campaignId)]
      : [...this.campaigns.keys()].filter((k) => k.startsWith(keyOf(db, '')));
    for (const key of keys) {
      const state = this.campaigns.get(key);
      if (state?.retrainTimer) clearTimeout(state.retrainTimer);
      this.campaigns.delete(key);
      if (this.worker.liveGeneration >= 0) void this.worker.call('forget', key).catch(() => undefined);
    }
  }
}

export const ideasEngine = new IdeasEngine();

/**
 * Builds the current campaign's index and classifier now, so that the first submission after a
 * start does not wait for them (about a second per 10,000 suggestions).
 */
export async function warmIdeasEngine(db: Db): Promise<void> {
  const campaign = await currentCampaign(db).catch(() => null);
  if (campaign) await ideasEngine.warm(db, campaign);
}
