import { z } from '@hono/zod-openapi';
import { eq, inArray } from 'drizzle-orm';
import { audit } from '../../../audit/audit.js';
import { actor, type ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import { transaction } from '../../../db/transaction.js';
import { AppError, forbidden, notFound } from '../../../errors.js';
import { isoDate } from '../../../http/input.js';
import { ActionStatus } from '../contracts.js';
import { notifyAll } from '../notify.js';
import { canIdea, mayEver } from '../policy.js';
import { currentCampaign } from '../queries/campaigns.js';
import { unitIndex } from '../queries/lookup.js';
import { actionViews } from '../queries/public.js';
import { ideaActions, ideaActionUpdates, ideaListEntries, ideaSuggestions, ideaTimeline } from '../schema.js';
import { adoptionActions, ideaActionActions, progressable } from '../staff-actions.js';

export const AdoptInput = z
  .object({
    suggestionId: z.uuid().optional(),
    entryId: z.uuid().optional(),
    title: z.string().trim().min(2).max(120),
    ownerUnitId: z.uuid(),
    dueOn: isoDate(),
  })
  .strict()
  .openapi('AdoptInput');
export const ProgressInput = z
  .object({
    status: ActionStatus,
    progress: z.number().int().min(0).max(100),
    note: z.string().trim().max(2000).default(''),
  })
  .strict()
  .openapi('ActionProgressInput');

/** The suggestions an action answers: its own, or those of its list entry. */
async function linkedSuggestions(db: Db, a: { suggestionId: string | null; entryId: string | null }) {
  const ids = new Set<string>(a.suggestionId ? [a.suggestionId] : []);
  if (a.entryId) {
    const [entry] = await db.select().from(ideaListEntries).where(eq(ideaListEntries.id, a.entryId));
    if (!entry)
      throw new AppError('VALIDATION', 'unknown entry', [
        { path: 'entryId', message: 'not found', code: 'not_found' },
      ]);
    if (entry.suggestionId) ids.add(entry.suggestionId);
    for (const m of entry.memberIds) ids.add(m);
  }
  return ids.size
    ? db
        .select()
        .from(ideaSuggestions)
        .where(inArray(ideaSuggestions.id, [...ids]))
    : [];
}

/** Adoption (采纳): an idea becomes a department task; its authors and supporters are told. */
export async function adoptIdea(ctx: ServiceContext, input: z.infer<typeof AdoptInput>) {
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
  const linked = await linkedSuggestions(ctx.db, {
    suggestionId: input.suggestionId ?? null,
    entryId: input.entryId ?? null,
  });
  if (input.suggestionId && !linked.some((s) => s.id === input.suggestionId)) throw notFound('suggestion');
  if (linked.some((s) => s.status === 'rejected' || s.status === 'merged'))
    throw new AppError('INVALID_STATE', 'a rejected or merged suggestion cannot be adopted');
  return transaction(ctx.db, async (tx) => {
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
      await tx
        .update(ideaSuggestions)
        .set({ status: 'adopted', updatedAt: new Date() })
        .where(
          inArray(
            ideaSuggestions.id,
            linked.map((s) => s.id),
          ),
        );
      await tx
        .insert(ideaTimeline)
        .values(linked.map((s) => ({ suggestionId: s.id, kind: 'adopted', params: { actionId: a!.id } })));
      await notifyAll(tx, linked, 'ideas.notice.adopted', { actionId: a!.id }, true);
    }
    await audit(tx, actor(ctx), {
      action: 'action.adopt',
      entityType: 'action',
      entityId: a!.id,
      after: { ...input, suggestions: linked.map((s) => s.id) },
    });
    return (await actionViews(tx, eq(ideaActions.id, a!.id)))[0]!;
  });
}

/** The campaign's adopted actions for the staff page, each saying whether the caller may report on it. */
export async function adoptedActions(ctx: ServiceContext) {
  if (!mayEver(ctx.principal, 'action.progress')) throw forbidden();
  const campaign = await currentCampaign(ctx.db);
  const [views, units] = await Promise.all([
    actionViews(ctx.db, eq(ideaActions.campaignId, campaign.id)),
    unitIndex(ctx.db),
  ]);
  return {
    items: views.map((a) => ({
      ...a,
      actions: ideaActionActions(ctx.principal, a.status, units.get(a.ownerUnitId)?.path ?? ''),
    })),
    actions: adoptionActions(ctx.principal),
  };
}

/** A progress report by the owner department (or the office); everyone linked is told. */
export async function reportProgress(ctx: ServiceContext, id: string, input: z.infer<typeof ProgressInput>) {
  const [a] = await ctx.db.select().from(ideaActions).where(eq(ideaActions.id, id));
  const path = a ? (await unitIndex(ctx.db)).get(a.ownerUnitId)?.path : undefined;
  if (!a || !path || !canIdea(ctx.principal, 'action.progress', path)) {
    if (!mayEver(ctx.principal, 'action.progress')) throw forbidden();
    throw notFound('action');
  }
  if (!progressable(a.status)) throw new AppError('INVALID_STATE', `the action is ${a.status}`);
  const linked = await linkedSuggestions(ctx.db, a);
  return transaction(ctx.db, async (tx) => {
    await tx
      .update(ideaActions)
      .set({ status: input.status, progress: input.progress, updatedAt: new Date() })
      .where(eq(ideaActions.id, id));
    await tx.insert(ideaActionUpdates).values({ actionId: id, ...input });
    const params = { actionId: id, status: input.status, progress: input.progress };
    if (linked.length)
      await tx
        .insert(ideaTimeline)
        .values(linked.map((s) => ({ suggestionId: s.id, kind: 'progress', params })));
    await notifyAll(tx, linked, 'ideas.notice.progress', params, true);
    await audit(tx, actor(ctx), {
      action: 'action.progress',
      entityType: 'action',
      entityId: id,
      before: { status: a.status, progress: a.progress },
      after: input,
    });
    return (await actionViews(tx, eq(ideaActions.id, id)))[0]!;
  });
}
