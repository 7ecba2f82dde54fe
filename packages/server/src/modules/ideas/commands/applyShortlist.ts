import { and, eq, inArray, isNull, notExists, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { forbidden } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import { mayEver } from '../policy.js';
import { currentCampaign } from '../queries/campaigns.js';
import { shortlistedCount, shortlistRows } from '../queries/shortlist.js';
import { ideaReviews, ideaSuggestions } from '../schema.js';

const command = defineCommand({
  name: 'shortlist.apply',
  async load(ctx: ServiceContext, input: { replace: boolean }) {
    // The proposal is district-wide, by the campaign's quota: the office's to apply.
    if (!mayEver(ctx.principal, 'campaign.manage')) throw forbidden();
    const campaign = await currentCampaign(ctx.db);
    const rows = await shortlistRows(ctx.db, campaign);
    return {
      campaign,
      proposed: rows.filter((r) => r.reason === 'proposed').map((r) => r.id),
      others: input.replace
        ? rows.filter((r) => r.reason !== 'proposed' && r.shortlisted).map((r) => r.id)
        : [],
    };
  },
  async write(tx, ctx, { campaign, proposed, others }, { replace }) {
    const by = ctx.principal!.userId;
    let added = 0;
    for (let i = 0; i < proposed.length; i += 1000) {
      const done = await tx
        .update(ideaSuggestions)
        .set({ shortlistedAt: new Date(), shortlistedBy: by })
        .where(
          and(
            inArray(ideaSuggestions.id, proposed.slice(i, i + 1000)),
            eq(ideaSuggestions.status, 'accepted'),
            isNull(ideaSuggestions.shortlistedAt),
          ),
        )
        .returning({ id: ideaSuggestions.id });
      added += done.length;
    }
    // Off the shortlist unless experts already have it: their work is never thrown away.
    let removed = 0;
    for (let i = 0; i < others.length; i += 1000) {
      const done = await tx
        .update(ideaSuggestions)
        .set({ shortlistedAt: null, shortlistedBy: null })
        .where(
          and(
            inArray(ideaSuggestions.id, others.slice(i, i + 1000)),
            notExists(
              tx
                .select({ one: sql`1` })
                .from(ideaReviews)
                .where(eq(ideaReviews.suggestionId, ideaSuggestions.id)),
            ),
          ),
        )
        .returning({ id: ideaSuggestions.id });
      removed += done.length;
    }
    const shortlisted = await shortlistedCount(tx, campaign.id);
    const result = { added, removed, kept: others.length - removed, shortlisted };
    return {
      result,
      audit: {
        entityType: 'campaign',
        entityId: campaign.id,
        after: { ...result, replace, quota: campaign.shortlistQuota },
      },
    };
  },
});

/**
 * Puts every proposed suggestion on the shortlist; with `replace`, takes every other one off it
 * unless experts already have it to review.
 */
export const applyShortlist = (ctx: ServiceContext, input: { replace: boolean }) => command.run(ctx, input);
