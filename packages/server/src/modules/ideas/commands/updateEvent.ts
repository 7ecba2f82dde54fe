import type { z } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { forbidden } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import type { EventUpdate } from '../contracts-events.js';
import { canIdea } from '../policy.js';
import { eventView, loadEvent, unitPath } from '../queries/events.js';
import { ideaEvents } from '../schema.js';
import { countOf, setAttendance } from './event-common.js';

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
  async write(tx, _ctx, { before }, { id, input }) {
    const count = countOf(input, before.attendanceCount);
    const [e] = await tx
      .update(ideaEvents)
      .set({ ...input, attendanceCount: count })
      .where(and(eq(ideaEvents.id, id)))
      .returning();
    await setAttendance(tx, e!, before.attendanceCount, count);
    const after = eventView(e!);
    return { result: after, audit: { entityType: 'event', entityId: id, before: eventView(before), after } };
  },
});

/** Changes an event; a changed attendance count adds or removes its participations. */
export const updateEvent = (ctx: ServiceContext, id: string, input: z.infer<typeof EventUpdate>) =>
  command.run(ctx, { id, input });
