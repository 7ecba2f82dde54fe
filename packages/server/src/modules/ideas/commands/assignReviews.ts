import type { z } from '@hono/zod-openapi';
import { aggregateReviews, assignReviewers } from '@qianxing/core/scoring';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { AppError, forbidden } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import { holdersOf } from '../../users/api.js';
import type { AssignInput } from '../contracts-review.js';
import { mayEver } from '../policy.js';
import { currentCampaign } from '../queries/campaigns.js';
import { unitIndex } from '../queries/lookup.js';
import { ideaExpertConflicts, ideaReviews, ideaSuggestions } from '../schema.js';

type Input = z.infer<typeof AssignInput>;

const isRoot = (path: string) => path.split('/').filter(Boolean).length === 1;

/**
 * An expert's unit and a suggestion's town are too close for a fair review when one holds the
 * other: the same street, a community or village inside the expert's street, or the street
 * around the expert's village. An expert of the district itself (a root) reviews anywhere.
 */
function related(expertPath: string | undefined, townPath: string) {
  if (!expertPath || !townPath || isRoot(expertPath) || isRoot(townPath)) return false;
  return townPath.startsWith(expertPath) || expertPath.startsWith(townPath);
}

/** Who reviews what: the new assignments, and how many suggestions found too few experts. */
async function plan(ctx: ServiceContext, input: Input) {
  if (!mayEver(ctx.principal, 'review.manage')) throw forbidden();
  const campaign = await currentCampaign(ctx.db);
  const k = input.k;
  const maxLoad = input.maxLoad === undefined ? campaign.maxReviewsPerExpert : input.maxLoad;
  const experts = await holdersOf(ctx.db, 'expert');
  if (experts.length === 0)
    throw new AppError('INVALID_STATE', 'no experts', [
      { path: 'experts', message: 'no one holds the expert role', code: 'no_experts' },
    ]);
  const expertIds = [...new Set(experts.map((e) => e.id))];
  const [suggestions, existing, conflicts, unitsById] = await Promise.all([
    ctx.db
      .select({
        id: ideaSuggestions.id,
        townId: ideaSuggestions.townId,
        authorUserId: ideaSuggestions.authorUserId,
      })
      .from(ideaSuggestions)
      .where(
        and(
          eq(ideaSuggestions.campaignId, campaign.id),
          eq(ideaSuggestions.status, 'accepted'),
          isNotNull(ideaSuggestions.shortlistedAt),
        ),
      ),
    ctx.db
      .select({ s: ideaReviews.suggestionId, e: ideaReviews.expertId, total: ideaReviews.total })
      .from(ideaReviews)
      .innerJoin(ideaSuggestions, eq(ideaSuggestions.id, ideaReviews.suggestionId))
      .where(eq(ideaSuggestions.campaignId, campaign.id)),
    ctx.db.select().from(ideaExpertConflicts),
    unitIndex(ctx.db),
  ]);
  // Experts score what the shortlist holds (入围), never every accepted suggestion.
  if (suggestions.length === 0)
    throw new AppError('INVALID_STATE', 'the shortlist is empty', [
      { path: 'shortlist', message: 'the shortlist is empty', code: 'shortlist_empty' },
    ]);
  const disputed = new Set(
    aggregateReviews(
      existing.filter((r) => r.total !== null).map((r) => ({ item: r.s, expert: r.e, score: r.total! })),
    )
      .filter((a) => a.disputed)
      .map((a) => a.item),
  );
  const reviewersOf = new Map<string, Set<string>>();
  const load = new Map(expertIds.map((e) => [e, 0]));
  for (const r of existing) {
    const set = reviewersOf.get(r.s) ?? new Set();
    set.add(r.e);
    reviewersOf.set(r.s, set);
    // The cap counts every review of the campaign, done or not.
    load.set(r.e, (load.get(r.e) ?? 0) + 1);
  }
  const items = suggestions.map((s) => {
    const townPath = unitsById.get(s.townId)?.path ?? '';
    const excluded = new Set(reviewersOf.get(s.id) ?? []);
    for (const e of experts) if (related(unitsById.get(e.unitId)?.path, townPath)) excluded.add(e.id);
    for (const c of conflicts)
      if (townPath.startsWith(unitsById.get(c.unitId)?.path ?? '\u0000')) excluded.add(c.expertId);
    if (s.authorUserId) excluded.add(s.authorUserId);
    const target = disputed.has(s.id) ? k + 1 : k;
    return { id: s.id, excluded, need: Math.max(0, target - (reviewersOf.get(s.id)?.size ?? 0)) };
  });
  const { assignments, short } = assignReviewers(
    items.filter((i) => i.need > 0),
    expertIds.map((id) => ({ id, load: load.get(id) ?? 0 })),
    { maxLoad: maxLoad ?? undefined },
  );
  return { campaign, k, maxLoad, assignments, disputed, short };
}

const command = defineCommand({
  name: 'review.assign',
  load: plan,
  async write(tx, _ctx, { campaign, k, maxLoad, assignments, disputed, short }) {
    for (let i = 0; i < assignments.length; i += 1000)
      await tx
        .insert(ideaReviews)
        .values(assignments.slice(i, i + 1000).map((a) => ({ suggestionId: a.item, expertId: a.expert })))
        .onConflictDoNothing();
    // A suggestion taken off the shortlist while this plan was made gets no new reviews.
    await tx.execute(sql`
      delete from ${ideaReviews} where submitted_at is null and suggestion_id in (
        select id from ${ideaSuggestions} where campaign_id = ${campaign.id} and shortlisted_at is null)`);
    return {
      result: { assigned: assignments.length, short: short.length, maxLoad },
      audit: {
        entityType: 'campaign',
        entityId: campaign.id,
        after: { k, maxLoad, assigned: assignments.length, disputed: disputed.size, short: short.length },
      },
    };
  },
});

/**
 * Gives each shortlisted suggestion k reviewers (k + 1 when the reviews so far disagree), the
 * least loaded first and none beyond the campaign's cap per expert; never the author, an expert
 * of the suggestion's own town or of a unit inside it or around it (not the district itself), or
 * one who declared a conflict with that town (or a unit above it).
 */
export const assignReviews = (ctx: ServiceContext, input: Input) => command.run(ctx, input);
