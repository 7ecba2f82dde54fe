import {
  type ClassifierModel,
  NearDuplicateIndex,
  type PreparedText,
  prepareText,
  trainClassifier,
} from '@qianxing/core/text';
import { and, desc, eq, gt, inArray, notInArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { currentCampaign } from './campaigns.js';
import type { Campaign } from './contracts.js';
import { ideaSuggestions } from './schema.js';

/** The text a suggestion is indexed and classified by. */
export const suggestionText = (title: string, body: string) => `${title}\n${body}`;

/** Most labelled examples the classifier trains on (newest first): keeps retraining quick. */
const TRAIN_LIMIT = 3000;
/** How often a process reads suggestions other processes inserted. */
const CATCH_UP_MS = 10_000;

interface CampaignEngine {
  index: NearDuplicateIndex;
  titles: Map<string, string>;
  model: ClassifierModel;
  domains: Set<string>;
  lastSeen: Date;
  lastSync: number;
  retrainTimer?: ReturnType<typeof setTimeout>;
}

async function trainModel(db: Db, campaign: Campaign): Promise<ClassifierModel> {
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
  const descriptions = campaign.domains.map((d) => ({ label: d.code, text: `${d.name} ${d.description}` }));
  return trainClassifier(
    rows.map((r) => ({ label: r.domain, text: suggestionText(r.title, r.body) })),
    { descriptions, epochs: 20 },
  );
}

/**
 * Each process keeps, per campaign, a near-duplicate index and a domain classifier in memory,
 * built from the database at first use and kept current by the commands of this process (and
 * by a periodic read of rows other processes inserted).
 */
export class IdeasEngine {
  private readonly engines = new Map<string, Promise<CampaignEngine>>();

  private async build(db: Db, campaign: Campaign): Promise<CampaignEngine> {
    const started = new Date();
    const rows = await db
      .select({ id: ideaSuggestions.id, title: ideaSuggestions.title, body: ideaSuggestions.body })
      .from(ideaSuggestions)
      .where(
        and(
          eq(ideaSuggestions.campaignId, campaign.id),
          notInArray(ideaSuggestions.status, ['rejected', 'merged']),
        ),
      );
    // Every suggestion prepared now (about 1.6 kB and 60 µs each), not on its first comparison.
    const index = new NearDuplicateIndex({ preparedCache: 100_000 });
    for (const r of rows) {
      const text = suggestionText(r.title, r.body);
      index.add(r.id, text, prepareText(text));
    }
    const titles = new Map(rows.map((r) => [r.id, r.title]));
    const model = await trainModel(db, campaign);
    return {
      index,
      titles,
      model,
      domains: new Set(campaign.domains.map((d) => d.code)),
      lastSeen: started,
      lastSync: Date.now(),
    };
  }

  async get(db: Db, campaign: Campaign): Promise<CampaignEngine> {
    let engine = this.engines.get(campaign.id);
    if (!engine) {
      engine = this.build(db, campaign);
      this.engines.set(campaign.id, engine);
      engine.catch(() => this.engines.delete(campaign.id));
    }
    const e = await engine;
    if (Date.now() - e.lastSync > CATCH_UP_MS) {
      e.lastSync = Date.now();
      void this.catchUp(db, campaign.id, e).catch(() => undefined);
    }
    return e;
  }

  private async catchUp(db: Db, campaignId: string, e: CampaignEngine) {
    const since = e.lastSeen;
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
          gt(ideaSuggestions.createdAt, since),
          notInArray(ideaSuggestions.status, ['rejected', 'merged']),
        ),
      );
    for (const r of rows) {
      if (!e.index.has(r.id)) this.add(e, r.id, r.title, r.body);
      if (r.createdAt > e.lastSeen) e.lastSeen = r.createdAt;
    }
  }

  /** Domain and near duplicates of a text, from this process's models. */
  async analyse(db: Db, campaign: Campaign, text: string, exclude: string[] = []) {
    const e = await this.get(db, campaign);
    const prediction = e.model.predict(text);
    const prepared = prepareText(text);
    const similar = e.index
      .query(text, { limit: 5, exclude }, prepared)
      .filter((m) => m.duplicate || m.similarity >= 0.3)
      .map((m) => ({
        id: m.id,
        title: e.titles.get(m.id) ?? '',
        similarity: Math.round(m.similarity * 1000) / 1000,
        duplicate: m.duplicate,
      }));
    return { prediction, similar, engine: e, prepared };
  }

  add(e: CampaignEngine, id: string, title: string, body: string, prepared?: PreparedText) {
    e.index.add(id, suggestionText(title, body), prepared);
    e.titles.set(id, title);
  }

  /** After a commit that inserted suggestions. */
  async added(db: Db, campaign: Campaign, items: Array<{ id: string; title: string; body: string }>) {
    const e = await this.get(db, campaign);
    for (const it of items) this.add(e, it.id, it.title, it.body);
  }

  /** After a reject or a merge: the suggestion no longer counts as a duplicate target. */
  removed(campaignId: string, ids: string[]) {
    const engine = this.engines.get(campaignId);
    void engine
      ?.then((e) => {
        for (const id of ids) {
          e.index.remove(id);
          e.titles.delete(id);
        }
      })
      .catch(() => undefined);
  }

  /** After reclassifications: retrain in the background, once for a burst of changes. */
  scheduleRetrain(db: Db, campaign: Campaign, delayMs = 2000) {
    const engine = this.engines.get(campaign.id);
    void engine
      ?.then((e) => {
        if (e.retrainTimer) clearTimeout(e.retrainTimer);
        e.retrainTimer = setTimeout(() => {
          e.retrainTimer = undefined;
          trainModel(db, campaign)
            .then((m) => {
              e.model = m;
            })
            .catch(() => undefined);
        }, delayMs);
        e.retrainTimer.unref?.();
      })
      .catch(() => undefined);
  }

  /** Retrains now (tests, the CLI). */
  async retrain(db: Db, campaign: Campaign) {
    const e = await this.get(db, campaign);
    e.model = await trainModel(db, campaign);
  }

  forget(campaignId?: string) {
    if (campaignId) this.engines.delete(campaignId);
    else this.engines.clear();
  }
}

export const ideasEngine = new IdeasEngine();

/**
 * Builds the current campaign's index and classifier now, so that the first submission after a
 * start does not wait for them (about a second per 10,000 suggestions).
 */
export async function warmIdeasEngine(db: Db): Promise<void> {
  const campaign = await currentCampaign(db).catch(() => null);
  if (campaign) await ideasEngine.get(db, campaign);
}
