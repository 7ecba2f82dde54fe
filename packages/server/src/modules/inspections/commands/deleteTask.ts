import { and, eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { AppError } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import { inspectionTasks } from '../schema.js';
import { authorise, mayAtAll } from './common.js';
import { loadTask } from './task-common.js';

/** Removes a task not yet announced; an announced one is public and stays. */
const command = defineCommand({
  name: 'inspectionTask.delete',
  async load(ctx, id: string) {
    mayAtAll(ctx, 'task.write');
    const { row, units } = await loadTask(ctx, id);
    authorise(ctx, 'task.write', units);
    if (row.status !== 'draft') throw new AppError('INVALID_STATE', 'an announced task stays');
    return { row };
  },
  async write(tx, _ctx, { row }, id) {
    await tx
      .delete(inspectionTasks)
      .where(and(eq(inspectionTasks.id, id), eq(inspectionTasks.status, 'draft')));
    return { result: undefined, audit: { entityType: 'inspectionTask', entityId: id, before: row } };
  },
});

export async function deleteTask(ctx: ServiceContext, id: string): Promise<void> {
  await command.run(ctx, id);
}
