import type { z } from '@hono/zod-openapi';
import { eq, inArray } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { AppError, forbidden } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import type { ListKind } from '../contracts.js';
import { notifyAll } from '../notify.js';
import { mayEver } from '../policy.js';
import { currentCampaign } from '../queries/campaigns.js';
import { listRow } from '../queries/lists.js';
import { listsOf } from '../queries/lists-public.js';
import { ideaListEntries, ideaLists, ideaSuggestions } from '../schema.js';

type Kind = z.infer<typeof ListKind>;

const command = defineCommand({
  name: 'list.publish',
  async load(ctx, kind: Kind) {
    if (!mayEver(ctx.principal, 'list.manage')) throw forbidden();
    const campaign = await currentCampaign(ctx.db);
    const list = await listRow(ctx, campaign.id, kind);
    if (!list) throw new AppError('INVALID_STATE', 'the list has no entries yet');
    if (list.publishedAt) throw new AppError('INVALID_STATE', 'the list is published');
    const entries = await ctx.db.select().from(ideaListEntries).where(eq(ideaListEntries.listId, list.id));
    if (entries.length === 0) throw new AppError('INVALID_STATE', 'the list has no entries yet');
    const ids = [
      ...new Set(entries.flatMap((e) => [...(e.suggestionId ? [e.suggestionId] : []), ...e.memberIds])),
    ];
    const authors = ids.length
      ? await ctx.db.select().from(ideaSuggestions).where(inArray(ideaSuggestions.id, ids))
      : [];
    return { campaign, list, entries, authors };
  },
  async write(tx, _ctx, { campaign, list, entries, authors }, kind) {
    const publishedAt = new Date();
    await tx.update(ideaLists).set({ publishedAt }).where(eq(ideaLists.id, list.id));
    await notifyAll(tx, authors, 'ideas.notice.honoured', { list: kind });
    return {
      result: (await listsOf(tx, campaign.id, false)).find((l) => l.kind === kind)!,
      audit: { entityType: 'list', entityId: list.id, after: { kind, publishedAt, entries: entries.length } },
    };
  },
});

/** Publishes a list (audited); the authors of its entries are told. */
export const publishList = (ctx: ServiceContext, kind: Kind) => command.run(ctx, kind);
