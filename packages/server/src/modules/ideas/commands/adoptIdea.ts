import type { z } from '@hono/zod-openapi';
import { and, eq, inArray } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import { AppError, forbidden, notFound } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import type { SuggestionStatus } from '../contracts.js';
import type { AdoptInput } from '../contracts-adoption.js';
import { notifyAll } from '../notify.js';
import { mayEver } from '../policy.js';
import { currentCampaign } from '../queries/campaigns.js';
import { unitIndex } from '../queries/lookup.js';
import { actionViews } from '../queries/public.js';
import { ideaActions, ideaListEntries, ideaLists, ideaSuggestions, ideaTimeline } from '../schema.js';
import { linkedSuggestions } from './action-common.js';

type Input = z.infer<typeof AdoptInput>;

/**
 * Only an entry of a published list is adopted: a draft's entries are replaced on every save,
 * which an action pointing at one would forbid, locking the draft. An entry withdrawn from its
 * list is no longer the list's to adopt.
 */
async function publishedEntry(db: Db, entryId: string) {
  const [entry] = await db
    .select({ publishedAt: ideaLists.publishedAt })
    .from(ideaListEntries)
    .innerJoin(ideaLists, eq(ideaLists.id, ideaListEntries.listId))
    .where(eq(ideaListEntries.id, entryId));
  if (entry && !entry.publishedAt)
    throw new AppError('INVALID_STATE', 'the list of this entry is not published', [
      { path: 'entryId', message: 'the list is a draft', code: 'list_unpublished' },
    ]);
  await refuseWithdrawn(db, entryId);
}

/**
 * Refuses an entry withdrawn from its list. In the write it holds the entry's row (share) to the
 * end: a withdrawal meanwhile either committed and is refused here, or waits and then finds the
 * action adopted from an entry it may still withdraw.
 */
async function refuseWithdrawn(db: Db, entryId: string, hold = false) {
  const query = db
    .select({ withdrawnAt: ideaListEntries.withdrawnAt })
    .from(ideaListEntries)
    .where(eq(ideaListEntries.id, entryId));
  const [entry] = hold ? await query.for('share') : await query;
  if (entry?.withdrawnAt)
    throw new AppError('INVALID_STATE', 'the entry was withdrawn from its list', [
      { path: 'entryId', message: 'withdrawn from the list', code: 'entry_withdrawn' },
    ]);
}

/** The states a suggestion is adopted from: accepted, or adopted already by another action. */
const adoptableFrom: SuggestionStatus[] = ['accepted', 'adopted'];
const notAdoptable = () =>
  new AppError('INVALID_STATE', 'only a screened, accepted suggestion can be adopted', [
    { path: 'suggestionId', message: 'not accepted', code: 'not_adoptable' },
  ]);

const command = defineCommand({
  name: 'action.adopt',
  async load(ctx, input: Input) {
    if (!mayEver(ctx.principal, 'action.manage')) throw forbidden();
    if (!input.suggestionId && !input.entryId)
      throw new AppError('VALIDATION', 'a suggestion or a list entry', [
        { path: 'suggestionId', message: 'required', code: 'required' },
      ]);
    if (!(await unitIndex(ctx.db)).has(input.ownerUnitId))
      throw new AppError('VALIDATION', 'unknown unit', [
        { path: 'ownerUnitId', message: 'not found', code: 'not_found' },
      ]);
    const campaign = await currentCampaign(ctx.db);
    if (input.entryId) await publishedEntry(ctx.db, input.entryId);
    const linked = await linkedSuggestions(ctx.db, {
      suggestionId: input.suggestionId ?? null,
      entryId: input.entryId ?? null,
    });
    if (input.suggestionId && !linked.some((s) => s.id === input.suggestionId)) throw notFound('suggestion');
    // Adoption publishes a suggestion (its page shows the action), so one the screeners have not
    // accepted yet is refused like a rejected one: adopting must not bypass screening.
    if (linked.some((s) => !adoptableFrom.includes(s.status))) throw notAdoptable();
    return { campaign, linked };
  },
  async write(tx, _ctx, { campaign, linked }, input) {
    if (input.entryId) await refuseWithdrawn(tx, input.entryId, true);
    const [a] = await tx
      .insert(ideaActions)
      .values({
        campaignId: campaign.id,
        suggestionId: input.suggestionId ?? null,
        entryId: input.entryId ?? null,
        title: input.title,
        ownerUnitId: input.ownerUnitId,
        dueOn: input.dueOn,
      })
      .returning();
    if (linked.length) {
      // Still accepted (or adopted by another action): a screener's rejection or merge since the
      // checks refuses the adoption rather than publishing what was just turned down.
      const adopted = await tx
        .update(ideaSuggestions)
        .set({ status: 'adopted', updatedAt: new Date() })
        .where(
          and(
            inArray(
              ideaSuggestions.id,
              linked.map((s) => s.id),
            ),
            inArray(ideaSuggestions.status, adoptableFrom),
          ),
        )
        .returning({ id: ideaSuggestions.id });
      if (adopted.length < linked.length) throw notAdoptable();
      await tx
        .insert(ideaTimeline)
        .values(linked.map((s) => ({ suggestionId: s.id, kind: 'adopted', params: { actionId: a!.id } })));
      await notifyAll(tx, linked, 'ideas.notice.adopted', { actionId: a!.id }, true);
    }
    return {
      result: (await actionViews(tx, eq(ideaActions.id, a!.id)))[0]!,
      audit: {
        entityType: 'action',
        entityId: a!.id,
        after: { ...input, suggestions: linked.map((s) => s.id) },
      },
    };
  },
});

/** Adoption (采纳): an idea becomes a department task; its authors and supporters are told. */
export const adoptIdea = (ctx: ServiceContext, input: Input) => command.run(ctx, input);
