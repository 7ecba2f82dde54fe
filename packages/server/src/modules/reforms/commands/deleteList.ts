import { eq, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import { AppError } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import { reformLists, reformProjects } from '../schema.js';
import { loadList } from './list-common.js';
import { mayAtAll } from './project-common.js';

/** A list with projects stays until they move. */
async function refuseInUse(db: Db, row: { id: string; name: string }) {
  const [n] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(reformProjects)
    .where(eq(reformProjects.listId, row.id));
  if ((n?.n ?? 0) > 0)
    throw new AppError('CONFLICT', 'the list has projects', [
      { path: 'id', message: 'has projects', code: 'in_use', params: { value: row.name } },
    ]);
}

/** Removes an empty list; one with projects stays until they move. */
const command = defineCommand({
  name: 'reformList.delete',
  async load(ctx, input: { id: string }) {
    mayAtAll(ctx, 'list.write');
    const row = await loadList(ctx.db, input.id);
    await refuseInUse(ctx.db, row);
    return row;
  },
  async write(tx, _ctx, row) {
    // A project placed under the list holds its row (the foreign key): locked here, none comes
    // after, and one placed since the checks is found.
    await tx.select({ id: reformLists.id }).from(reformLists).where(eq(reformLists.id, row.id)).for('update');
    await refuseInUse(tx, row);
    await tx.delete(reformLists).where(eq(reformLists.id, row.id));
    return { result: undefined, audit: { entityType: 'reformList', entityId: row.id, before: row } };
  },
});

export async function deleteList(ctx: ServiceContext, id: string): Promise<void> {
  await command.run(ctx, { id });
}
