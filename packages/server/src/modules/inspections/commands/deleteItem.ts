import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { AppError, notFound } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import { inspectionItems } from '../schema.js';
import { authorise, departmentsOf, holdItems, itemInTask, mayAtAll } from './common.js';

const inUse = (name: string) =>
  new AppError('CONFLICT', 'a task checks this item', [
    { path: 'id', message: 'in use by a task', code: 'in_use', params: { value: name } },
  ]);

/**
 * Removes an item no task names yet (a task's items stay as they were drawn). Checked again in
 * the write behind the item's row: a task made meanwhile naming it keeps it.
 */
const command = defineCommand({
  name: 'inspectionItem.delete',
  async load(ctx, id: string) {
    mayAtAll(ctx, 'item.write');
    const [row] = await ctx.db.select().from(inspectionItems).where(eq(inspectionItems.id, id));
    if (!row) throw notFound('item');
    authorise(ctx, 'item.write', await departmentsOf(ctx.db, [row.unitId]));
    if (await itemInTask(ctx.db, id)) throw inUse(row.name);
    return { row };
  },
  async write(tx, _ctx, { row }, id) {
    const held = await holdItems(tx, [id], 'update');
    if (held.length === 0) throw notFound('item');
    if (await itemInTask(tx, id)) throw inUse(row.name);
    await tx.delete(inspectionItems).where(eq(inspectionItems.id, id));
    return { result: undefined, audit: { entityType: 'inspectionItem', entityId: id, before: row } };
  },
});

export async function deleteItem(ctx: ServiceContext, id: string): Promise<void> {
  await command.run(ctx, id);
}
