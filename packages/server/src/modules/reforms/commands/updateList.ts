import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { defineCommand } from '../../../kernel/command.js';
import type { ReformList, ReformListPatch } from '../contracts.js';
import { getList } from '../queries/lists.js';
import { reformLists } from '../schema.js';
import { checkListName, loadList } from './list-common.js';
import { mayAtAll } from './project-common.js';

/** Renames, describes or reorders a list. */
const command = defineCommand({
  name: 'reformList.update',
  async load(ctx, input: { id: string; patch: ReformListPatch }) {
    mayAtAll(ctx, 'list.write');
    const row = await loadList(ctx.db, input.id);
    if (input.patch.name !== undefined) await checkListName(ctx.db, input.patch.name, input.id);
    return row;
  },
  async write(tx, _ctx, row, { id, patch }) {
    await tx
      .update(reformLists)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(reformLists.id, id));
    const before = Object.fromEntries(Object.keys(patch).map((k) => [k, row[k as keyof typeof row]]));
    return { result: id, audit: { entityType: 'reformList', entityId: id, before, after: patch } };
  },
});

export async function updateList(
  ctx: ServiceContext,
  id: string,
  patch: ReformListPatch,
): Promise<ReformList> {
  return getList(ctx, await command.run(ctx, { id, patch }));
}
