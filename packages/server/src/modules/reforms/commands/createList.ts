import { defineCommand } from '../../../kernel/command.js';
import type { ReformListInput } from '../contracts.js';
import { reformLists } from '../schema.js';
import { checkListName } from './list-common.js';
import { mayAtAll } from './project-common.js';

/** The district's reform office opens a list (清单). */
export const createList = defineCommand({
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
