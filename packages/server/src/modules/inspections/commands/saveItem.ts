import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { notFound } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import type { InspectionItem, InspectionItemInput, InspectionItemPatch } from '../contracts.js';
import { getItem } from '../queries/items.js';
import { inspectionItems } from '../schema.js';
import {
  authorise,
  checkItemCode,
  departmentsOf,
  holdItems,
  keepItemDepartment,
  mayAtAll,
} from './common.js';

/** A department adds an item to its inspection list (检查事项清单). */
const create = defineCommand({
  name: 'inspectionItem.create',
  async load(ctx, input: InspectionItemInput) {
    mayAtAll(ctx, 'item.write');
    authorise(ctx, 'item.write', await departmentsOf(ctx.db, [input.unitId]));
    await checkItemCode(ctx.db, input.code);
    return {};
  },
  async write(tx, _ctx, _loaded, input) {
    const [row] = await tx.insert(inspectionItems).values(input).returning();
    return { result: row!.id, audit: { entityType: 'inspectionItem', entityId: row!.id, after: input } };
  },
});

/**
 * Changes an item; moving it to another department needs both in scope, and no task naming it
 * (checked again in the write, behind the item's row, against a task made meanwhile).
 */
const update = defineCommand({
  name: 'inspectionItem.update',
  async load(ctx, { id, patch }: { id: string; patch: InspectionItemPatch }) {
    mayAtAll(ctx, 'item.write');
    const [row] = await ctx.db.select().from(inspectionItems).where(eq(inspectionItems.id, id));
    if (!row) throw notFound('item');
    const unitIds = [row.unitId, ...(patch.unitId && patch.unitId !== row.unitId ? [patch.unitId] : [])];
    const [own] = await departmentsOf(ctx.db, [row.unitId]);
    authorise(ctx, 'item.write', [own!]);
    if (unitIds.length > 1) {
      authorise(ctx, 'item.write', await departmentsOf(ctx.db, [patch.unitId!]));
      await keepItemDepartment(ctx.db, row);
    }
    if (patch.code && patch.code !== row.code) await checkItemCode(ctx.db, patch.code, id);
    return { row };
  },
  async write(tx, _ctx, { row }, { id, patch }) {
    if (patch.unitId && patch.unitId !== row.unitId) {
      await holdItems(tx, [id], 'update');
      await keepItemDepartment(tx, row);
    }
    await tx
      .update(inspectionItems)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(inspectionItems.id, id));
    const before = Object.fromEntries(Object.keys(patch).map((k) => [k, row[k as keyof typeof row]]));
    return { result: id, audit: { entityType: 'inspectionItem', entityId: id, before, after: patch } };
  },
});

export async function createItem(ctx: ServiceContext, input: InspectionItemInput): Promise<InspectionItem> {
  return getItem(ctx, await create.run(ctx, input));
}

export async function updateItem(
  ctx: ServiceContext,
  id: string,
  patch: InspectionItemPatch,
): Promise<InspectionItem> {
  return getItem(ctx, await update.run(ctx, { id, patch }));
}
