import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { AppError, notFound } from '../../../errors.js';
import { todayInChina } from '../../../kernel/deadlines.js';
import type { Campaign } from '../contracts.js';
import { ideaCampaigns } from '../schema.js';

export const campaignView = (row: typeof ideaCampaigns.$inferSelect): Campaign => ({
  id: row.id,
  code: row.code,
  theme: row.theme,
  startsOn: row.startsOn,
  endsOn: row.endsOn,
  focusAreas: row.focusAreas.map((f) => (typeof f === 'string' ? { name: f, description: '' } : f)),
  domains: row.domains,
  channels: row.channels,
  authorKinds: row.authorKinds,
  rubric: row.rubric,
  rejectReasons: row.rejectReasons,
  listSizes: row.listSizes,
  reviewersPerItem: row.reviewersPerItem,
  maxReviewsPerExpert: row.maxReviewsPerExpert,
  reviewMethod: row.reviewMethod,
  shortlistQuota: { perDomain: row.shortlistQuota.perDomain, byDomain: { ...row.shortlistQuota.byDomain } },
  survey: row.survey,
  publication: row.publication,
});

/** The current campaign, cached briefly per process: every public request needs it. */
const cache = new WeakMap<Db, { at: number; campaign: Campaign }>();
const TTL_MS = 5000;

export async function currentCampaign(db: Db): Promise<Campaign> {
  const hit = cache.get(db);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.campaign;
  const [row] = await db.select().from(ideaCampaigns).where(eq(ideaCampaigns.isCurrent, true));
  if (!row) throw notFound('campaign');
  const campaign = campaignView(row);
  cache.set(db, { at: Date.now(), campaign });
  return campaign;
}

/**
 * The campaign's domains as stored now, past this process's cache: another process may have
 * edited them within the cache's lifetime.
 */
export async function storedDomains(db: Db, campaignId: string): Promise<Campaign['domains']> {
  const [row] = await db
    .select({ domains: ideaCampaigns.domains })
    .from(ideaCampaigns)
    .where(eq(ideaCampaigns.id, campaignId));
  if (!row) throw notFound('campaign');
  return row.domains;
}

export function forgetCampaignCache(db: Db) {
  cache.delete(db);
  byId.delete(db);
}

const byId = new WeakMap<Db, Map<string, { at: number; campaign: Campaign }>>();

/** A campaign by id, cached briefly like the current one: public reads of any campaign need it. */
export async function campaignById(db: Db, id: string): Promise<Campaign> {
  const perDb = byId.get(db) ?? new Map<string, { at: number; campaign: Campaign }>();
  byId.set(db, perDb);
  const hit = perDb.get(id);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.campaign;
  const [row] = await db.select().from(ideaCampaigns).where(eq(ideaCampaigns.id, id));
  if (!row) throw notFound('campaign');
  const campaign = campaignView(row);
  perDb.set(id, { at: Date.now(), campaign });
  return campaign;
}

/**
 * Whether the campaign takes suggestions from the public today (China's date): until the end of
 * its period, which the office may extend. Staff still enter the letters and import the paper
 * suggestions collected during the period after it.
 */
export const intakeOpen = (campaign: Pick<Campaign, 'endsOn'>, today = todayInChina()): boolean =>
  today <= campaign.endsOn;

/** The refusal of the public's suggestion once the period has ended. */
export const campaignClosed = (campaign: Pick<Campaign, 'endsOn'>) =>
  new AppError('CONFLICT', `the campaign closed on ${campaign.endsOn}`, [
    { path: 'campaign', message: 'closed', code: 'campaign_closed', params: { endsOn: campaign.endsOn } },
  ]);

/**
 * The refusal of a survey answer once the period has ended: a code of its own, so the words speak
 * of the survey's answers, not of the suggestions the campaign stopped taking.
 */
export const surveyClosed = (campaign: Pick<Campaign, 'endsOn'>) =>
  new AppError('CONFLICT', `the survey closed on ${campaign.endsOn}`, [
    { path: 'campaign', message: 'closed', code: 'survey_closed', params: { endsOn: campaign.endsOn } },
  ]);
