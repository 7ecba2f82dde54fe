import { eq, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { AppError } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import { reformLists, reformProjects } from '../schema.js';
import { loadList } from './list-common.js';
import { mayAtAll } from './project-common.js';

/** Removes an empty list; one with projects stays until they move. */
const command = defineCommand({
  name: 'reformList.delete',
  async load(ctx, input: { id: string }) {
    mayAtAll(ctx, 'list.write');
    const row = await loadList(ctx.db, input.id);
    const [n] = await ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(reformProjects)
      .where(eq(reformProjects.listId, input.id));
    if ((n?.n ?? 0) > 0)
      throw new AppError('CONFLICT', 'the list has projects', [
        { path: 'id', message: 'has projects', code: 'in_use', params: { value: row.name } },
      ]);
    return row;
  },
  async write(tx, _ctx, row) {
    await tx.delete(reformLists).where(eq(reformLists.id, row.id));
    return { result: undefined, audit: { entityType: 'reformList', entityId: row.id, before: row } };
  },
});

export async function deleteList(ctx: ServiceContext, id: string): Promise<void> {
  await command.run(ctx, { id });
}
