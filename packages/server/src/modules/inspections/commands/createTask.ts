import type { ServiceContext } from '../../../context.js';
import { actor } from '../../../context.js';
import { defineCommand } from '../../../kernel/command.js';
import type { InspectionTask, TaskInput } from '../contracts.js';
import { checkDrawable, frozenInput } from '../queries/draw-input.js';
import { getTask } from '../queries/tasks.js';
import { inspectionTaskItems, inspectionTasks, inspectionTaskUnits } from '../schema.js';
import { authorise, departmentsOf, holdItems, invalid, mayAtAll } from './common.js';
import { type ItemRow, itemsByIds, specOf } from './task-common.js';

/**
 * A department (or several, for a joint task) defines a random-draw task: the items checked at
 * each drawn firm, how many firms of each risk level, the team's size and qualifications. A task
 * the pools cannot serve is refused now, with the reason. Its items are held in the write and
 * checked again: one removed or moved to another department meanwhile is refused, as it would
 * have been before.
 */
const command = defineCommand({
  name: 'inspectionTask.create',
  async load(ctx, input: TaskInput) {
    mayAtAll(ctx, 'task.write');
    const unitIds = [...new Set(input.unitIds)];
    const units = await departmentsOf(ctx.db, unitIds, 'unitIds');
    authorise(ctx, 'task.write', units);
    const found = await itemsByIds(ctx.db, input.itemIds);
    const items = checkItems(input.itemIds, found, unitIds);
    checkDrawable(await frozenInput(ctx.db, specOf(units, items, input)));
    return { unitIds, items };
  },
  async write(tx, ctx, { unitIds, items }, input) {
    const held = await holdItems(
      tx,
      items.map((i) => i.id),
    );
    checkItems(input.itemIds, new Map(held.map((i) => [i.id, i])), unitIds);
    const { unitIds: _u, itemIds: _i, ...fields } = input;
    const [row] = await tx
      .insert(inspectionTasks)
      .values({ ...fields, createdBy: actor(ctx).userId })
      .returning({ id: inspectionTasks.id });
    const taskId = row!.id;
    await tx.insert(inspectionTaskUnits).values(unitIds.map((unitId) => ({ taskId, unitId })));
    await tx.insert(inspectionTaskItems).values(items.map((i) => ({ taskId, itemId: i.id })));
    return { result: taskId, audit: { entityType: 'inspectionTask', entityId: taskId, after: input } };
  },
});

/** The task's items, each known and of one of its departments; refused at its place in the body. */
function checkItems(itemIds: readonly string[], found: Map<string, ItemRow>, unitIds: readonly string[]) {
  return itemIds.flatMap((id, i) => {
    if (itemIds.indexOf(id) !== i) return [];
    const item = found.get(id);
    if (!item) throw invalid(`itemIds.${i}`, 'unknown_item', `no item ${id}`);
    if (!unitIds.includes(item.unitId))
      throw invalid(`itemIds.${i}`, 'item_outside_task', `${item.name} is not of the task's departments`);
    return [item];
  });
}

export async function createTask(ctx: ServiceContext, input: TaskInput): Promise<InspectionTask> {
  return getTask(ctx, await command.run(ctx, input));
}
