import { and, eq, inArray } from 'drizzle-orm';
import { actor, type ServiceContext } from '../../../context.js';
import { defineCommand } from '../../../kernel/command.js';
import { todayInChina } from '../../../kernel/deadlines.js';
import { assertMoved, sourcesOf } from '../../../kernel/workflow.js';
import type { Visit } from '../contracts-visits.js';
import { getVisit } from '../queries/visits.js';
import { inspectionVisits } from '../schema.js';
import { invalid } from './common.js';
import { holdOnDuty, teamVisit, visitWorkflow } from './visit-common.js';

/**
 * The team starts its visit at the firm: on its date or later (the firm was told the date), never
 * twice. The write is conditional on the state and the date read, so of two phones starting at
 * once one wins, and a visit rescheduled meanwhile is not started.
 */
const command = defineCommand({
  name: 'inspectionVisit.start',
  async load(ctx, id: string) {
    const loaded = await teamVisit(ctx, id, 'start');
    if (loaded.visit.date > todayInChina())
      throw invalid('date', 'before_visit_date', `the visit is on ${loaded.visit.date}`, {
        value: loaded.visit.date,
      });
    return loaded;
  },
  async write(tx, ctx, { visit }, id) {
    await holdOnDuty(tx, visit, ctx.principal!.userId);
    const moved = await tx
      .update(inspectionVisits)
      .set({ status: 'started', startedAt: new Date(), startedBy: actor(ctx).userId, updatedAt: new Date() })
      // On the date checked: a visit moved to a later day meanwhile is not started on the old one.
      .where(
        and(
          eq(inspectionVisits.id, id),
          eq(inspectionVisits.date, visit.date),
          inArray(inspectionVisits.status, sourcesOf(visitWorkflow, 'start')),
        ),
      )
      .returning({ id: inspectionVisits.id });
    assertMoved(visitWorkflow, moved);
    return {
      result: id,
      audit: {
        entityType: 'inspectionVisit',
        entityId: id,
        before: { status: visit.status },
        after: { status: 'started' },
      },
    };
  },
});

export async function startVisit(ctx: ServiceContext, id: string): Promise<Visit> {
  await command.run(ctx, id);
  return getVisit(ctx, id);
}
