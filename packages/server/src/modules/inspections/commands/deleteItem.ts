import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { AppError, notFound } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import { inspectionItems, inspectionTaskItems } from '../schema.js';
import { authorise, departmentsOf, mayAtAll } from './common.js';

/** Removes an item no task names yet (a task's items stay as they were drawn). */
const command = defineCommand({
  name: 'inspectionItem.delete',
  async load(ctx, id: string) {
    mayAtAll(ctx, 'item.write');
    const [row] = await ctx.db.select().from(inspectionItems).where(eq(inspectionItems.id, id));
    if (!row) throw notFound('item');
    authorise(ctx, 'item.write', await departmentsOf(ctx.db, [row.unitId]));
    const [used] = await ctx.db
      .select({ taskId: inspectionTaskItems.taskId })
      .from(inspectionTaskItems)
      .where(eq(inspectionTaskItems.itemId, id))
      .limit(1);
    if (used)
      throw new AppError('CONFLICT', 'a task checks this item', [
        { path: 'id', message: 'in use by a task', code: 'in_use', params: { value: row.name } },
      ]);
    return { row };
  },
  async write(tx, _ctx, { row }, id) {
    await tx.delete(inspectionItems).where(eq(inspectionItems.id, id));
    return { result: undefined, audit: { entityType: 'inspectionItem', entityId: id, before: row } };
  },
});

export async function deleteItem(ctx: ServiceContext, id: string): Promise<void> {
  await command.run(ctx, id);
}
