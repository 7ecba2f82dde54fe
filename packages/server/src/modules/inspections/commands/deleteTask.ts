import { and, eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { defineCommand } from '../../../kernel/command.js';
import { inspectionTasks } from '../schema.js';
import { authorise, mayAtAll } from './common.js';
import { loadTask, taskAnnounced } from './task-common.js';

/**
 * Removes a task not yet announced; an announced one is public and stays. The deletion checks
 * the draft state again and must remove the row: a task announced (or removed) meanwhile by
 * someone else is refused, and no audit event claims a deletion that did not happen.
 */
const command = defineCommand({
  name: 'inspectionTask.delete',
  async load(ctx, id: string) {
    mayAtAll(ctx, 'task.write');
    const { row, units } = await loadTask(ctx, id);
    authorise(ctx, 'task.write', units);
    if (row.status !== 'draft') throw taskAnnounced();
    return { row };
  },
  async write(tx, _ctx, { row }, id) {
    const deleted = await tx
      .delete(inspectionTasks)
      .where(and(eq(inspectionTasks.id, id), eq(inspectionTasks.status, 'draft')))
      .returning({ id: inspectionTasks.id });
    if (deleted.length === 0) throw taskAnnounced();
    return { result: undefined, audit: { entityType: 'inspectionTask', entityId: id, before: row } };
  },
});

export async function deleteTask(ctx: ServiceContext, id: string): Promise<void> {
  await command.run(ctx, id);
}
