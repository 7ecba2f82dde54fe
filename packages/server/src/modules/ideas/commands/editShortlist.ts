import type { z } from '@hono/zod-openapi';
import { and, eq, exists, inArray, isNotNull, isNull, not, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { ServiceContext } from '../../../context.js';
import { AppError, type FieldError, forbidden } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import type { ShortlistEdit } from '../contracts-shortlist.js';
import { canIdea, mayEver } from '../policy.js';
import { currentCampaign } from '../queries/campaigns.js';
import { unitIndex } from '../queries/lookup.js';
import { shortlistedCount } from '../queries/shortlist.js';
import { ideaReviews, ideaSuggestions } from '../schema.js';

type Input = z.infer<typeof ShortlistEdit>;

/** The suggestion's other reviews, for the condition on those submitted. */
const submitted = alias(ideaReviews, 'submitted');

const command = defineCommand({
  name: 'shortlist.edit',
  async load(ctx: ServiceContext, input: Input) {
    if (!mayEver(ctx.principal, 'review.shortlist')) throw forbidden();
    const campaign = await currentCampaign(ctx.db);
    const ids = [...new Set([...input.add, ...input.remove])];
    const [rows, units, scored] = await Promise.all([
      ctx.db
        .select({
          id: ideaSuggestions.id,
          campaignId: ideaSuggestions.campaignId,
          status: ideaSuggestions.status,
          townId: ideaSuggestions.townId,
        })
        .from(ideaSuggestions)
        .where(inArray(ideaSuggestions.id, ids)),
      unitIndex(ctx.db),
      ctx.db
        .selectDistinct({ id: ideaReviews.suggestionId })
        .from(ideaReviews)
        .where(and(inArray(ideaReviews.suggestionId, input.remove), isNotNull(ideaReviews.submittedAt))),
    ]);
    const byId = new Map(rows.filter((r) => r.campaignId === campaign.id).map((r) => [r.id, r]));
    const problems: FieldError[] = [];
    const check = (list: string[], field: 'add' | 'remove') =>
      list.forEach((id, i) => {
        const row = byId.get(id);
        const path = `${field}.${i}`;
        if (!row) problems.push({ path, message: 'no such suggestion', code: 'unknown_suggestion' });
        else if (!canIdea(ctx.principal, 'review.shortlist', units.get(row.townId)?.path ?? ''))
          problems.push({ path, message: 'outside your towns', code: 'outside_scope' });
        else if (field === 'add' && row.status !== 'accepted')
          problems.push({
            path,
            message: 'only an accepted suggestion is shortlisted',
            code: 'not_accepted',
          });
      });
    check(input.add, 'add');
    check(input.remove, 'remove');
    input.remove.forEach((id, i) => {
      if (scored.some((s) => s.id === id))
        problems.push({ path: `remove.${i}`, message: 'experts have scored it', code: 'already_reviewed' });
    });
    if (problems.length > 0) throw new AppError('VALIDATION', 'the shortlist cannot change so', problems);
    return { campaignId: campaign.id };
  },
  async write(tx, ctx, { campaignId }, input) {
    const added = input.add.length
      ? await tx
          .update(ideaSuggestions)
          .set({ shortlistedAt: new Date(), shortlistedBy: ctx.principal!.userId })
          // Held to the checks: a suggestion rejected, merged or adopted since is not put on.
          .where(
            and(
              inArray(ideaSuggestions.id, input.add),
              eq(ideaSuggestions.status, 'accepted'),
              isNull(ideaSuggestions.shortlistedAt),
            ),
          )
          .returning({ id: ideaSuggestions.id })
      : [];
    let removed: Array<{ id: string }> = [];
    if (input.remove.length) {
      // A review submitted meanwhile keeps it on; open assignments go with it.
      const kept = await tx
        .selectDistinct({ id: ideaReviews.suggestionId })
        .from(ideaReviews)
        .where(and(inArray(ideaReviews.suggestionId, input.remove), isNotNull(ideaReviews.submittedAt)));
      const off = input.remove.filter((id) => !kept.some((k) => k.id === id));
      if (off.length) {
        // Only open assignments, and only the suggestion no submitted review holds: a review
        // committed since the read above is kept, and so is its suggestion on the shortlist.
        const scored = (id: typeof ideaSuggestions.id | typeof ideaReviews.suggestionId) =>
          exists(
            tx
              .select({ one: sql`1` })
              .from(submitted)
              .where(and(eq(submitted.suggestionId, id), isNotNull(submitted.submittedAt))),
          );
        await tx
          .delete(ideaReviews)
          .where(
            and(
              inArray(ideaReviews.suggestionId, off),
              isNull(ideaReviews.submittedAt),
              not(scored(ideaReviews.suggestionId)),
            ),
          );
        removed = await tx
          .update(ideaSuggestions)
          .set({ shortlistedAt: null, shortlistedBy: null })
          .where(
            and(
              inArray(ideaSuggestions.id, off),
              isNotNull(ideaSuggestions.shortlistedAt),
              not(scored(ideaSuggestions.id)),
            ),
          )
          .returning({ id: ideaSuggestions.id });
      }
    }
    const result = {
      added: added.length,
      removed: removed.length,
      kept: input.remove.length - removed.length,
      shortlisted: await shortlistedCount(tx, campaignId),
      unchanged: [
        ...input.add.filter((id) => !added.some((r) => r.id === id)),
        ...input.remove.filter((id) => !removed.some((r) => r.id === id)),
      ],
    };
    return {
      result,
      audit: [
        ...added.map((r) => ({ entityType: 'suggestion', entityId: r.id, after: { shortlisted: true } })),
        ...removed.map((r) => ({ entityType: 'suggestion', entityId: r.id, after: { shortlisted: false } })),
        ...(added.length + removed.length === 0
          ? [{ entityType: 'campaign', entityId: campaignId, after: { unchanged: true } }]
          : []),
      ],
    };
  },
});

/** Puts suggestions on the shortlist or takes them off, each in the caller's towns. */
export const editShortlist = (ctx: ServiceContext, input: Input) => command.run(ctx, input);
