import type { z } from '@hono/zod-openapi';
import type { ServiceContext } from '../../../context.js';
import { forbidden } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import type { EventInput } from '../contracts-events.js';
import { canIdea } from '../policy.js';
import { currentCampaign } from '../queries/campaigns.js';
import { eventView, unitPath } from '../queries/events.js';
import { ideaEvents } from '../schema.js';
import { countOf, setAttendance } from './event-common.js';

type Input = z.infer<typeof EventInput>;

const command = defineCommand({
  name: 'event.create',
  async load(ctx, input: Input) {
    if (!canIdea(ctx.principal, 'event.manage', await unitPath(ctx, input.organiserUnitId)))
      throw forbidden();
    return { campaign: await currentCampaign(ctx.db) };
  },
  async write(tx, _ctx, { campaign }, input) {
    const [e] = await tx
      .insert(ideaEvents)
      .values({
        ...input,
        campaignId: campaign.id,
        attendanceCount: countOf(input, 0),
        attendees: input.attendees ?? null,
      })
      .returning();
    await setAttendance(tx, e!, 0, e!.attendanceCount);
    const after = eventView(e!);
    return { result: after, audit: { entityType: 'event', entityId: e!.id, after } };
  },
});

/** Records a symposium, speech, visit or forum; its attendance counts as participations. */
export const createEvent = (ctx: ServiceContext, input: Input) => command.run(ctx, input);
