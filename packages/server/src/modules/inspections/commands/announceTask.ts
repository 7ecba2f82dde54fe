import { randomBytes } from 'node:crypto';
import { sha256Hex } from '@qianxing/core/draw';
import { and, eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { actor } from '../../../context.js';
import { notFound } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import type { InspectionTask } from '../contracts.js';
import { checkDrawable, frozenInput } from '../queries/draw-input.js';
import { getTask } from '../queries/tasks.js';
import { inspectionTaskItems, inspectionTasks } from '../schema.js';
import { authorise, holdItems, mayAtAll } from './common.js';
import { loadTask, specOf, taskAnnounced } from './task-common.js';

/**
 * Announces a task (commit): its items and pools (the inspectors' accounts too), read and held in
 * the write, are frozen into the draw's input as they stand when it commits (an inspector taken
 * off duty or disabled meanwhile is left out, or the change waits for the announcement), a seed
 * is drawn from the operating system's random source and kept unseen, and the seed's SHA-256 is
 * published. Once announced neither the seed nor its hash can change (the command writes them
 * only on a draft, and a trigger of the table refuses any later change).
 */
const command = defineCommand({
  name: 'inspectionTask.announce',
  async load(ctx, id: string) {
    mayAtAll(ctx, 'task.write');
    const { row, units } = await loadTask(ctx, id);
    authorise(ctx, 'task.write', units);
    if (row.status !== 'draft') throw taskAnnounced();
    return { units };
  },
  async write(tx, ctx, { units }, id) {
    // The task first (the record written, as its deletion takes it), then its items, then the
    // pools and their accounts: what the draw's input says is read here, held until the commit,
    // so an item's qualification changed since the checks counts as it is now.
    const [task] = await tx.select().from(inspectionTasks).where(eq(inspectionTasks.id, id)).for('update');
    if (!task) throw notFound('task');
    if (task.status !== 'draft') throw taskAnnounced();
    const links = await tx
      .select({ itemId: inspectionTaskItems.itemId })
      .from(inspectionTaskItems)
      .where(eq(inspectionTaskItems.taskId, id));
    const items = await holdItems(
      tx,
      links.map((l) => l.itemId),
    );
    const input = await frozenInput(tx, specOf(units, items, task), true);
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
