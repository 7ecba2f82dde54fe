import type { z } from '@hono/zod-openapi';
import { desc, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { forbidden } from '../../../errors.js';
import type { CampaignList } from '../contracts-campaigns.js';
import { canIdea } from '../policy.js';
import { ideaCampaigns, ideaSuggestions } from '../schema.js';
import { campaignActions, campaignListActions } from '../staff-actions.js';
import { campaignView } from './campaigns.js';

/** Every campaign, newest first, with its suggestion count and what the office may do with it. */
export async function listCampaigns(ctx: ServiceContext): Promise<z.infer<typeof CampaignList>> {
  if (!canIdea(ctx.principal, 'campaign.manage')) throw forbidden();
  const rows = await ctx.db.select().from(ideaCampaigns).orderBy(desc(ideaCampaigns.startsOn));
  const counts = await ctx.db
    .select({ id: ideaSuggestions.campaignId, n: sql<number>`count(*)::int` })
    .from(ideaSuggestions)
    .groupBy(ideaSuggestions.campaignId);
  const byId = new Map(counts.map((c) => [c.id, c.n]));
  const items = rows.map((r) => ({
    ...campaignView(r),
    isCurrent: r.isCurrent,
    suggestions: byId.get(r.id) ?? 0,
    actions: campaignActions(ctx.principal, r.isCurrent),
  }));
  return { items, actions: campaignListActions(ctx.principal) };
}
