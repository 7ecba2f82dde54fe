import type { z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { AppError, forbidden, notFound } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import type { ProgressInput } from '../contracts-adoption.js';
import { notifyAll } from '../notify.js';
import { canIdea, mayEver } from '../policy.js';
import { unitIndex } from '../queries/lookup.js';
import { actionViews } from '../queries/public.js';
import { ideaActions, ideaActionUpdates, ideaTimeline } from '../schema.js';
import { progressable } from '../staff-actions.js';
import { linkedSuggestions } from './action-common.js';

type Input = { id: string; input: z.infer<typeof ProgressInput> };

const closed = (status: string) =>
  new AppError('INVALID_STATE', `the action is ${status}`, [
    { path: 'status', message: `the action is ${status}`, code: 'action_closed' },
  ]);

const command = defineCommand({
  name: 'action.progress',
  async load(ctx, { id }: Input) {
    const [a] = await ctx.db.select().from(ideaActions).where(eq(ideaActions.id, id));
    const path = a ? (await unitIndex(ctx.db)).get(a.ownerUnitId)?.path : undefined;
    if (!a || !path || !canIdea(ctx.principal, 'action.progress', path)) {
      if (!mayEver(ctx.principal, 'action.progress')) throw forbidden();
      throw notFound('action');
    }
    if (!progressable(a.status)) throw closed(a.status);
    return { a, linked: await linkedSuggestions(ctx.db, a) };
  },
  async write(tx, _ctx, { linked }, { id, input }) {
    // The row is locked and checked again: a report closing the action (done, cancelled) since
    // the checks refuses this one, which would otherwise reopen it.
    const [held] = await tx.select().from(ideaActions).where(eq(ideaActions.id, id)).for('update');
    if (!held) throw notFound('action');
    if (!progressable(held.status)) throw closed(held.status);
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
    return {
      result: (await actionViews(tx, eq(ideaActions.id, id)))[0]!,
      audit: {
        entityType: 'action',
        entityId: id,
        before: { status: held.status, progress: held.progress },
        after: input,
      },
    };
  },
});

/** A progress report by the owner department (or the office); everyone linked is told. */
export const reportProgress = (ctx: ServiceContext, id: string, input: z.infer<typeof ProgressInput>) =>
  command.run(ctx, { id, input });
