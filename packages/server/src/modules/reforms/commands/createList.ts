import type { ServiceContext } from '../../../context.js';
import { defineCommand } from '../../../kernel/command.js';
import type { ReformList, ReformListInput } from '../contracts.js';
import { getList } from '../queries/lists.js';
import { reformLists } from '../schema.js';
import { checkListName } from './list-common.js';
import { mayAtAll } from './project-common.js';

/** The district's reform office opens a list (清单). */
const command = defineCommand({
  name: 'reformList.create',
  async load(ctx, input: ReformListInput) {
    mayAtAll(ctx, 'list.write');
    await checkListName(ctx.db, input.name);
    return {};
  },
  async write(tx, _ctx, _loaded, input) {
    const [row] = await tx.insert(reformLists).values(input).returning();
    return { result: row!.id, audit: { entityType: 'reformList', entityId: row!.id, after: input } };
  },
});

/** Opens a list and answers it as the lists page shows it. */
export async function createList(ctx: ServiceContext, input: ReformListInput): Promise<ReformList> {
  return getList(ctx, await command.run(ctx, input));
}
