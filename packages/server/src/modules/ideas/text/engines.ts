import {
  type ClassifierModel,
  NearDuplicateIndex,
  type Prediction,
  type PreparedText,
  prepareText,
  trainClassifier,
} from '@qianxing/core/text';

/** The text a suggestion is indexed and classified by. */
export const suggestionText = (title: string, body: string) => `${title}\n${body}`;

export interface IndexedSuggestion {
  id: string;
  title: string;
  body: string;
}

export interface Training {
  examples: Array<{ label: string; text: string }>;
  descriptions: Array<{ label: string; text: string }>;
}

export interface SimilarSuggestion {
  id: string;
  title: string;
  similarity: number;
  duplicate: boolean;
}

export interface Analysis {
  prediction: Prediction;
  similar: SimilarSuggestion[];
}

interface CampaignText {
  index: NearDuplicateIndex;
  titles: Map<string, string>;
  model: ClassifierModel;
}

/** Texts analysed lately, prepared, so that adding one after its commit does not prepare it again. */
const RECENTLY_ANALYSED = 512;

const train = (t: Training) => trainClassifier(t.examples, { descriptions: t.descriptions, epochs: 20 });

/**
 * Per campaign, the near-duplicate index over its suggestions and its domain classifier: pure
 * computation on what it is given, no database. It runs in the text worker (worker.ts), off
 * the event loop that serves requests.
 */
export class CampaignTextEngines {
  private readonly campaigns = new Map<string, CampaignText>();
  private readonly recent = new Map<string, PreparedText>();

  build(campaignId: string, rows: IndexedSuggestion[], training: Training): void {
    // Every suggestion prepared now (about 1.6 kB and 60 µs each), not on its first comparison.
    const index = new NearDuplicateIndex({ preparedCache: 100_000 });
    for (const r of rows) {
      const text = suggestionText(r.title, r.body);
      index.add(r.id, text, prepareText(text));
    }
    this.campaigns.set(campaignId, {
      index,
      titles: new Map(rows.map((r) => [r.id, r.title])),
      model: train(training),
    });
  }

  has(campaignId: string): boolean {
    return this.campaigns.has(campaignId);
  }

  /** Domain and near duplicates of a text. */
  analyse(campaignId: string, text: string, exclude: string[]): Analysis {
    const c = this.get(campaignId);
    const prepared = prepareText(text);
    this.recent.set(text, prepared);
    if (this.recent.size > RECENTLY_ANALYSED) this.recent.delete(this.recent.keys().next().value!);
    const similar = c.index
      .query(text, { limit: 5, exclude }, prepared)
      .filter((m) => m.duplicate || m.similarity >= 0.3)
      .map((m) => ({
        id: m.id,
        title: c.titles.get(m.id) ?? '',
        similarity: Math.round(m.similarity * 1000) / 1000,
        duplicate: m.duplicate,
      }));
    return { prediction: c.model.predict(text), similar };
  }

  classify(campaignId: string, texts: string[]): Prediction[] {
    const { model } = this.get(campaignId);
    return texts.map((t) => model.predict(t));
  }

  /** Adds committed suggestions; ids already indexed are left as they are. */
  add(campaignId: string, items: IndexedSuggestion[]): void {
    const c = this.campaigns.get(campaignId);
    if (!c) return;
    for (const it of items) {
      if (c.index.has(it.id)) continue;
      const text = suggestionText(it.title, it.body);
      c.index.add(it.id, text, this.recent.get(text) ?? prepareText(text));
      c.titles.set(it.id, it.title);
    }
  }

  remove(campaignId: string, ids: string[]): void {
    const c = this.campaigns.get(campaignId);
    if (!c) return;
    for (const id of ids) {
      c.index.remove(id);
      c.titles.delete(id);
    }
  }

  retrain(campaignId: string, training: Training): void {
    const c = this.campaigns.get(campaignId);
    if (c) c.model = train(training);
  }

  forget(campaignId?: string): void {
    if (campaignId) this.campaigns.delete(campaignId);
    else this.campaigns.clear();
  }

  private get(campaignId: string): CampaignText {
    const c = this.campaigns.get(campaignId);
    if (!c) throw new Error(`campaign ${campaignId} is not built in this text worker`);
    return c;
  }
}
