import type { z } from '@hono/zod-openapi';
import { proposeShortlist, type ShortlistEntry } from '@qianxing/core/scoring';
import { heatScore } from '@qianxing/core/text';
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import { forbidden } from '../../../errors.js';
import { maskNumbersInText } from '../../../privacy.js';
import type { Campaign } from '../contracts.js';
import type { ShortlistPage, ShortlistQuery } from '../contracts-shortlist.js';
import { canIdea, mayEver } from '../policy.js';
import { ideaReviews, ideaSuggestions } from '../schema.js';
import { currentCampaign } from './campaigns.js';
import { hardProblems } from './hard-problems.js';
import { unitIndex } from './lookup.js';
import { scopeTownIds } from './screening.js';

/** An accepted suggestion as the shortlist sees it, with the proposal's verdict. */
export interface ShortlistRow extends ShortlistEntry {
  title: string;
  domain: string;
  domainConfirmed: boolean;
  domainConfidence: number;
  townId: string;
  supports: number;
  groupHeat: number;
  groupSize: number;
  shortlisted: boolean;
}

/**
 * Every accepted suggestion of the campaign with the proposal's verdict on it. The near-duplicate
 * groups and their heat are the hard-problem clustering's (kept fresh in the background); a
 * suggestion outside the clusters it keeps is a group of its own.
 */
export async function shortlistRows(db: Db, campaign: Campaign): Promise<ShortlistRow[]> {
  const [rows, clusters] = await Promise.all([
    db
      .select({
        id: ideaSuggestions.id,
        title: ideaSuggestions.title,
        domain: ideaSuggestions.domain,
        domainConfirmed: ideaSuggestions.domainConfirmed,
        domainConfidence: ideaSuggestions.domainConfidence,
        townId: ideaSuggestions.townId,
        supports: ideaSuggestions.supports,
        createdAt: ideaSuggestions.createdAt,
        shortlistedAt: ideaSuggestions.shortlistedAt,
      })
      .from(ideaSuggestions)
      .where(and(eq(ideaSuggestions.campaignId, campaign.id), eq(ideaSuggestions.status, 'accepted'))),
    hardProblems(db, campaign.id),
  ]);
  const groupOf = new Map<string, { group: string; heat: number; size: number }>();
  clusters.forEach((c, i) => {
    for (const id of c.memberIds) groupOf.set(id, { group: `c${i}`, heat: c.heat, size: c.memberIds.length });
  });
  const candidates = rows.map((r) => {
    const g = groupOf.get(r.id) ?? { group: r.id, heat: heatScore(1, r.supports, 0), size: 1 };
    return { ...r, createdAt: r.createdAt.getTime(), group: g.group, groupHeat: g.heat, groupSize: g.size };
  });
  const verdicts = new Map(proposeShortlist(candidates, campaign.shortlistQuota).map((e) => [e.id, e]));
  return candidates.map((c) => ({
    ...verdicts.get(c.id)!,
    title: c.title,
    domain: c.domain,
    domainConfirmed: c.domainConfirmed,
    domainConfidence: c.domainConfidence,
    townId: c.townId,
    supports: c.supports,
    groupHeat: Math.round(c.groupHeat * 100) / 100,
    groupSize: c.groupSize,
    shortlisted: c.shortlistedAt !== null,
  }));
}

/** The towns whose suggestions the caller may shortlist, or null for every town. */
export async function shortlistTowns(ctx: ServiceContext): Promise<Set<string> | null> {
  const towns = await scopeTownIds(ctx, 'review.shortlist');
  return towns && new Set(towns);
}

/** How many suggestions of the campaign are on the shortlist. */
export async function shortlistedCount(db: Db, campaignId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(ideaSuggestions)
    .where(and(eq(ideaSuggestions.campaignId, campaignId), isNotNull(ideaSuggestions.shortlistedAt)));
  return row?.n ?? 0;
}

const inView = (r: ShortlistRow, view: z.infer<typeof ShortlistQuery>['view']) =>
  view === 'all' ||
  (view === 'proposed' && r.reason === 'proposed') ||
  (view === 'shortlisted' && r.shortlisted) ||
  (view === 'differs' && r.shortlisted !== (r.reason === 'proposed'));

/** The proposal beside the shortlist, per domain and paged, in the caller's towns. */
export async function shortlistPage(
  ctx: ServiceContext,
  q: z.infer<typeof ShortlistQuery>,
): Promise<z.infer<typeof ShortlistPage>> {
  if (!mayEver(ctx.principal, 'review.shortlist')) throw forbidden();
  const campaign = await currentCampaign(ctx.db);
  const [all, towns, units] = await Promise.all([
    shortlistRows(ctx.db, campaign),
    shortlistTowns(ctx),
    unitIndex(ctx.db),
  ]);
  const rows = towns ? all.filter((r) => towns.has(r.townId)) : all;
  const domainOrder = new Map(campaign.domains.map((d, i) => [d.code, i]));
  const picked = rows
    .filter(
      (r) => inView(r, q.view) && (!q.domain || r.domain === q.domain) && (!q.q || r.title.includes(q.q)),
    )
    .sort(
      (a, b) =>
        (domainOrder.get(a.domain) ?? 99) - (domainOrder.get(b.domain) ?? 99) ||
        (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
        b.supports - a.supports ||
        (a.id < b.id ? -1 : 1),
    );
  const page = picked.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
  const titles = new Map(all.map((r) => [r.id, r.title]));
  const counts = await reviewCounts(
    ctx.db,
    page.map((r) => r.id),
  );
  const nameOf = (code: string) => campaign.domains.find((d) => d.code === code)?.name ?? code;
  const quotaOf = (code: string) =>
    campaign.shortlistQuota.byDomain[code] ?? campaign.shortlistQuota.perDomain;
  const count = (code: string | null, test: (r: ShortlistRow) => boolean) =>
    rows.filter((r) => (code === null || r.domain === code) && test(r)).length;
  return {
    total: picked.length,
    items: page.map((r) => ({
      id: r.id,
      title: maskNumbersInText(r.title),
      domain: r.domain,
      domainName: nameOf(r.domain),
      domainConfirmed: r.domainConfirmed,
      domainConfidence: Math.round(r.domainConfidence * 100) / 100,
      townName: units.get(r.townId)?.name ?? '',
      supports: r.supports,
      groupHeat: r.groupHeat,
      groupSize: r.groupSize,
      reason: r.reason,
      rank: r.rank,
      representative: r.representative
        ? { id: r.representative, title: maskNumbersInText(titles.get(r.representative) ?? '') }
        : null,
      shortlisted: r.shortlisted,
      reviewsAssigned: counts.get(r.id)?.assigned ?? 0,
      reviewsDone: counts.get(r.id)?.done ?? 0,
      actions: { toggle: canIdea(ctx.principal, 'review.shortlist', units.get(r.townId)?.path ?? '') },
    })),
    quota: campaign.shortlistQuota,
    domains: campaign.domains.map((d) => ({
      code: d.code,
      name: d.name,
      quota: quotaOf(d.code),
      accepted: count(d.code, () => true),
      proposed: count(d.code, (r) => r.reason === 'proposed'),
      shortlisted: count(d.code, (r) => r.shortlisted),
    })),
    accepted: rows.length,
    proposed: count(null, (r) => r.reason === 'proposed'),
    shortlisted: count(null, (r) => r.shortlisted),
    actions: shortlistActions(ctx),
  };
}

// The office applies the district-wide proposal and sets its quota; organisers edit by hand.
const shortlistActions = (ctx: ServiceContext) => ({
  apply: mayEver(ctx.principal, 'campaign.manage'),
  setQuota: mayEver(ctx.principal, 'campaign.manage'),
  edit: mayEver(ctx.principal, 'review.shortlist'),
  export: mayEver(ctx.principal, 'review.shortlist'),
});

/** Reviews assigned and done per suggestion. */
export async function reviewCounts(db: Db, ids: string[]) {
  if (ids.length === 0) return new Map<string, { assigned: number; done: number }>();
  const rows = await db
    .select({
      id: ideaReviews.suggestionId,
      assigned: sql<number>`count(*)::int`,
      done: sql<number>`count(${ideaReviews.submittedAt})::int`,
    })
    .from(ideaReviews)
    .where(inArray(ideaReviews.suggestionId, ids))
    .groupBy(ideaReviews.suggestionId);
  return new Map(rows.map((r) => [r.id, { assigned: r.assigned, done: r.done }]));
}
