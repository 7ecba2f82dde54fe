import { z } from '@hono/zod-openapi';
import {
  aggregateReviews,
  assignReviewers,
  krippendorffAlphaInterval,
  weightedTotal,
} from '@qianxing/core/scoring';
import { and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { audit } from '../../../audit/audit.js';
import { actor, type ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import { transaction } from '../../../db/transaction.js';
import { AppError, forbidden, notFound } from '../../../errors.js';
import { maskNumbersInText } from '../../../privacy.js';
import { getUnit } from '../../units/api.js';
import { displayNames, holdersOf } from '../../users/api.js';
import { BlindReviewActions } from '../contracts.js';
import { canIdea, mayEver } from '../policy.js';
import { ideaExpertConflicts, ideaReviews, ideaSuggestions } from '../schema.js';
import { blindReviewActions, reviewResultsActions } from '../staff-actions.js';
import { currentCampaign } from './campaigns.js';
import { unitIndex } from './lookup.js';

export const AssignInput = z
  .object({ k: z.number().int().min(1).max(9) })
  .strict()
  .openapi('ReviewAssignInput');
export const ReviewInput = z
  .object({
    scores: z.record(z.string().max(40), z.number().int().min(1).max(10)),
    comment: z.string().trim().max(2000).default(''),
  })
  .strict()
  .openapi('ReviewInput');
/** What an expert sees of a suggestion: the idea only, never who wrote it. */
export const BlindReview = z
  .object({
    suggestionId: z.uuid(),
    title: z.string(),
    body: z.string(),
    domain: z.string(),
    scores: z.record(z.string(), z.number()).nullable(),
    comment: z.string().nullable(),
    submittedAt: z.string().nullable(),
    actions: BlindReviewActions,
  })
  .openapi('BlindReview');
export const MyReviews = z
  .object({ assigned: z.number().int(), done: z.number().int(), items: z.array(BlindReview) })
  .openapi('MyReviews');

/**
 * Gives each accepted suggestion k reviewers (k + 1 when the reviews so far disagree), the
 * least loaded first, never the author, an expert of the suggestion's own town, or one who
 * declared a conflict with that town (or a unit above it).
 */
export async function assignReviews(ctx: ServiceContext, input: z.infer<typeof AssignInput>) {
  if (!mayEver(ctx.principal, 'review.manage')) throw forbidden();
  const campaign = await currentCampaign(ctx.db);
  const k = input.k;
  const experts = await holdersOf(ctx.db, 'expert');
  if (experts.length === 0) throw new AppError('INVALID_STATE', 'no experts');
  const expertIds = [...new Set(experts.map((e) => e.id))];
  const [suggestions, existing, conflicts, unitsById] = await Promise.all([
    ctx.db
      .select({
        id: ideaSuggestions.id,
        townId: ideaSuggestions.townId,
        authorUserId: ideaSuggestions.authorUserId,
      })
      .from(ideaSuggestions)
      .where(and(eq(ideaSuggestions.campaignId, campaign.id), eq(ideaSuggestions.status, 'accepted'))),
    ctx.db
      .select({ s: ideaReviews.suggestionId, e: ideaReviews.expertId, total: ideaReviews.total })
      .from(ideaReviews)
      .innerJoin(ideaSuggestions, eq(ideaSuggestions.id, ideaReviews.suggestionId))
      .where(eq(ideaSuggestions.campaignId, campaign.id)),
    ctx.db.select().from(ideaExpertConflicts),
    unitIndex(ctx.db),
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
    if (r.total === null) load.set(r.e, (load.get(r.e) ?? 0) + 1);
  }
  const items = suggestions.map((s) => {
    const townPath = unitsById.get(s.townId)?.path ?? '';
    const excluded = new Set(reviewersOf.get(s.id) ?? []);
    for (const e of experts) if (e.unitId === s.townId) excluded.add(e.id);
    for (const c of conflicts)
      if (townPath.startsWith(unitsById.get(c.unitId)?.path ?? '\u0000')) excluded.add(c.expertId);
    if (s.authorUserId) excluded.add(s.authorUserId);
    const target = disputed.has(s.id) ? k + 1 : k;
    return { id: s.id, excluded, need: Math.max(0, target - (reviewersOf.get(s.id)?.size ?? 0)) };
  });
  const { assignments, short } = assignReviewers(
    items.filter((i) => i.need > 0),
    expertIds.map((id) => ({ id, load: load.get(id) ?? 0 })),
  );
  await transaction(ctx.db, async (tx) => {
    for (let i = 0; i < assignments.length; i += 1000)
      await tx
        .insert(ideaReviews)
        .values(assignments.slice(i, i + 1000).map((a) => ({ suggestionId: a.item, expertId: a.expert })))
        .onConflictDoNothing();
    await audit(tx, actor(ctx), {
      action: 'review.assign',
      entityType: 'campaign',
      entityId: campaign.id,
      after: { k, assigned: assignments.length, disputed: disputed.size, short: short.length },
    });
  });
  return { assigned: assignments.length, short: short.length };
}

export async function declareConflict(ctx: ServiceContext, unitId: string) {
  if (!canIdea(ctx.principal, 'review.score')) throw forbidden();
  const unit = await getUnit(ctx.db, unitId).catch(() => undefined);
  if (!unit)
    throw new AppError('VALIDATION', 'unknown unit', [
      { path: 'unitId', message: 'not found', code: 'not_found' },
    ]);
  const expertId = ctx.principal!.userId;
  await transaction(ctx.db, async (tx) => {
    await tx.insert(ideaExpertConflicts).values({ expertId, unitId }).onConflictDoNothing();
    // Open assignments in that subtree go back to the pool.
    const path = (await unitIndex(ctx.db)).get(unitId)!.path;
    const inside = [...(await unitIndex(ctx.db))]
      .filter(([, u]) => u.path.startsWith(path))
      .map(([id]) => id);
    await tx.execute(sql`
      delete from ${ideaReviews} where expert_id = ${expertId} and submitted_at is null and suggestion_id in (
        select id from ${ideaSuggestions} where town_id in (${sql.join(
          inside.map((i) => sql`${i}`),
          sql`, `,
        )}))`);
    await audit(tx, actor(ctx), {
      action: 'review.declareConflict',
      entityType: 'user',
      entityId: expertId,
      after: { unitId },
    });
  });
}

/** The signed-in expert's assignments, blind: title, body and domain only. */
export async function myReviews(ctx: ServiceContext) {
  if (!canIdea(ctx.principal, 'review.score')) throw forbidden();
  const rows = await ctx.db
    .select({
      suggestionId: ideaReviews.suggestionId,
      title: ideaSuggestions.title,
      body: ideaSuggestions.body,
      domain: ideaSuggestions.domain,
      scores: ideaReviews.scores,
      comment: ideaReviews.comment,
      submittedAt: ideaReviews.submittedAt,
    })
    .from(ideaReviews)
    .innerJoin(ideaSuggestions, eq(ideaSuggestions.id, ideaReviews.suggestionId))
    .where(eq(ideaReviews.expertId, ctx.principal!.userId))
    .orderBy(sql`${ideaReviews.submittedAt} nulls first`, ideaReviews.assignedAt);
  const items = rows.map((r) => ({
    ...r,
    title: maskNumbersInText(r.title),
    body: maskNumbersInText(r.body),
    submittedAt: r.submittedAt?.toISOString() ?? null,
    actions: blindReviewActions(ctx.principal),
  }));
  return { assigned: items.length, done: items.filter((i) => i.submittedAt).length, items };
}

export async function submitReview(
  ctx: ServiceContext,
  suggestionId: string,
  input: z.infer<typeof ReviewInput>,
) {
  if (!canIdea(ctx.principal, 'review.score')) throw forbidden();
  const campaign = await currentCampaign(ctx.db);
  const [row] = await ctx.db
    .select()
    .from(ideaReviews)
    .where(and(eq(ideaReviews.suggestionId, suggestionId), eq(ideaReviews.expertId, ctx.principal!.userId)));
  if (!row) throw notFound('review');
  const codes = campaign.rubric.map((c) => c.code).sort();
  const given = Object.keys(input.scores).sort();
  if (codes.join() !== given.join())
    throw new AppError('VALIDATION', 'score every criterion of the rubric', [
      { path: 'scores', message: `expected ${codes.join(',')}` },
    ]);
  const total = Math.round(weightedTotal(input.scores, campaign.rubric) * 100) / 100;
  await transaction(ctx.db, async (tx) => {
    await tx
      .update(ideaReviews)
      .set({ scores: input.scores, total, comment: input.comment, submittedAt: new Date() })
      .where(eq(ideaReviews.id, row.id));
    await audit(tx, actor(ctx), {
      action: 'review.submit',
      entityType: 'review',
      entityId: row.id,
      before: row.scores ? { scores: row.scores, total: row.total } : undefined,
      after: { suggestionId, scores: input.scores, total },
    });
  });
  return { total };
}

/** Per expert: assigned and done. */
export async function reviewProgress(ctx: ServiceContext) {
  if (!mayEver(ctx.principal, 'review.manage')) throw forbidden();
  const rows = await ctx.db
    .select({
      expertId: ideaReviews.expertId,
      assigned: sql<number>`count(*)::int`,
      done: sql<number>`count(${ideaReviews.submittedAt})::int`,
    })
    .from(ideaReviews)
    .groupBy(ideaReviews.expertId);
  const names = await displayNames(
    ctx.db,
    rows.map((r) => r.expertId),
  );
  return rows
    .map((r) => ({ ...r, name: names.get(r.expertId) ?? '' }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export async function submittedScores(db: Db, campaignId: string) {
  return db
    .select({ item: ideaReviews.suggestionId, expert: ideaReviews.expertId, score: ideaReviews.total })
    .from(ideaReviews)
    .innerJoin(ideaSuggestions, eq(ideaSuggestions.id, ideaReviews.suggestionId))
    .where(and(eq(ideaSuggestions.campaignId, campaignId), isNotNull(ideaReviews.total)));
}

/** Ranking by mean z-score, the disputed items, and Krippendorff's alpha of the whole review. */
export async function reviewResults(ctx: ServiceContext) {
  if (!mayEver(ctx.principal, 'review.manage')) throw forbidden();
  const campaign = await currentCampaign(ctx.db);
  const scores = (await submittedScores(ctx.db, campaign.id)).map((s) => ({ ...s, score: s.score! }));
  const items = aggregateReviews(scores);
  const byItem = new Map<string, number[]>();
  for (const s of scores) byItem.set(s.item, [...(byItem.get(s.item) ?? []), s.score]);
  const alpha = krippendorffAlphaInterval([...byItem.values()]);
  const open = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(ideaReviews)
    .where(
      and(
        isNull(ideaReviews.submittedAt),
        inArray(
          ideaReviews.suggestionId,
          ctx.db
            .select({ id: ideaSuggestions.id })
            .from(ideaSuggestions)
            .where(eq(ideaSuggestions.campaignId, campaign.id)),
        ),
      ),
    );
  return {
    alpha: Number.isFinite(alpha) ? Math.round(alpha * 1e4) / 1e4 : null,
    open: open[0]?.n ?? 0,
    items,
    actions: reviewResultsActions(ctx.principal),
  };
}
