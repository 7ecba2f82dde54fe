import { randomBytes } from 'node:crypto';
import { sha256Hex } from '@qianxing/core/draw';
import { and, eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { actor } from '../../../context.js';
import { defineCommand } from '../../../kernel/command.js';
import type { InspectionTask } from '../contracts.js';
import { checkDrawable, frozenInput } from '../queries/draw-input.js';
import { getTask } from '../queries/tasks.js';
import { inspectionTasks } from '../schema.js';
import { authorise, mayAtAll } from './common.js';
import { loadTask, specOf, taskAnnounced } from './task-common.js';

/**
 * Announces a task (commit): its pools, read and held in the write, are frozen into the draw's
 * input as they stand when it commits (an inspector taken off duty meanwhile is left out, or the
 * change of duty waits for the announcement), a seed is drawn from the operating system's random
 * source and kept unseen, and the seed's SHA-256 is published. Once announced neither the seed nor
 * its hash can change (the command writes them only on a draft, and a trigger of the table
 * refuses any later change).
 */
const command = defineCommand({
  name: 'inspectionTask.announce',
  async load(ctx, id: string) {
    mayAtAll(ctx, 'task.write');
    const { row, units, items } = await loadTask(ctx, id);
    authorise(ctx, 'task.write', units);
    if (row.status !== 'draft') throw taskAnnounced();
    return { spec: specOf(units, items, row) };
  },
  async write(tx, ctx, { spec }, id) {
    const input = await frozenInput(tx, spec, true);
    checkDrawable(input);
    const seed = randomBytes(32).toString('hex');
    const seedHash = sha256Hex(seed);
    const done = await tx
      .update(inspectionTasks)
      .set({
        status: 'announced',
        seed,
        seedHash,
        input,
        announcedAt: new Date(),
        announcedBy: actor(ctx).userId,
        updatedAt: new Date(),
      })
      .where(and(eq(inspectionTasks.id, id), eq(inspectionTasks.status, 'draft')))
      .returning({ id: inspectionTasks.id });
    if (done.length === 0) throw taskAnnounced();
    return { result: id, audit: { entityType: 'inspectionTask', entityId: id, after: { seedHash } } };
  },
});

export async function announceTask(ctx: ServiceContext, id: string): Promise<InspectionTask> {
  return getTask(ctx, await command.run(ctx, id));
}
