import type { z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { forbidden, notFound } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import type { EventUpdate } from '../contracts-events.js';
import { canIdea } from '../policy.js';
import { eventView, loadEvent, unitPath } from '../queries/events.js';
import { ideaEvents } from '../schema.js';
import { correctAttendance, countOf, lockedEvent } from './event-common.js';

type Input = { id: string; input: z.infer<typeof EventUpdate> };

const command = defineCommand({
  name: 'event.update',
  async load(ctx, { id, input }: Input) {
    const before = await loadEvent(ctx, id);
    if (
      input.organiserUnitId &&
      !canIdea(ctx.principal, 'event.manage', await unitPath(ctx, input.organiserUnitId))
    )
      throw forbidden();
    return { before };
  },
  async write(tx, _ctx, _loaded, { id, input }) {
    // The count and the organiser are corrected from the row as it is now, not as loaded: another
    // correction may have committed in between.
    const before = await lockedEvent(tx, id);
    if (!before) throw notFound('event');
    const count = countOf(input, before.attendanceCount);
    const [e] = await tx
      .update(ideaEvents)
      .set({ ...input, attendanceCount: count })
      .where(eq(ideaEvents.id, id))
      .returning();
    await correctAttendance(tx, before, e!);
    const after = eventView(e!);
    return { result: after, audit: { entityType: 'event', entityId: id, before: eventView(before), after } };
  },
});

/**
 * Changes an event; a changed attendance count adds or removes its participations, a changed
 * organiser moves them to its unit, and the closed days' rollup follows both.
 */
export const updateEvent = (ctx: ServiceContext, id: string, input: z.infer<typeof EventUpdate>) =>
  command.run(ctx, { id, input });
