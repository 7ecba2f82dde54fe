import type { z } from '@hono/zod-openapi';
import { and, eq, isNull } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { AppError, forbidden } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import type { ListKind } from '../contracts.js';
import { notifyAll } from '../notify.js';
import { mayEver } from '../policy.js';
import { currentCampaign } from '../queries/campaigns.js';
import { listRow } from '../queries/lists.js';
import { listsOf } from '../queries/lists-public.js';
import { ideaListEntries, ideaLists } from '../schema.js';
import { listPublished } from './campaign-common.js';
import { holdListable, honouredSuggestions } from './list-holds.js';

type Kind = z.infer<typeof ListKind>;

const empty = () =>
  new AppError('INVALID_STATE', 'the list has no entries yet', [
    { path: 'entries', message: 'no entries', code: 'list_empty' },
  ]);

const command = defineCommand({
  name: 'list.publish',
  async load(ctx, kind: Kind) {
    if (!mayEver(ctx.principal, 'list.manage')) throw forbidden();
    const campaign = await currentCampaign(ctx.db);
    const list = await listRow(ctx, campaign.id, kind);
    if (!list) throw empty();
    if (list.publishedAt) throw listPublished();
    return { campaign, list };
  },
  async write(tx, _ctx, { campaign, list }, kind) {
    // Published once: of two publications at once (two tabs) the second finds it published and
    // tells nobody again. The row stays locked to the end, so the entries read below are the
    // ones published: a save waits for it, then finds the list published.
    const publishedAt = new Date();
    const [done] = await tx
      .update(ideaLists)
      .set({ publishedAt })
      .where(and(eq(ideaLists.id, list.id), isNull(ideaLists.publishedAt)))
      .returning({ id: ideaLists.id });
    if (!done) throw listPublished();
    const entries = await tx
      .select()
      .from(ideaListEntries)
      .where(eq(ideaListEntries.listId, list.id))
      .orderBy(ideaListEntries.rank);
    if (entries.length === 0) throw empty();
    // Rejected or merged since it was saved, an entry is refused: the office mends the list first.
    await holdListable(tx, entries);
    const ids = [
      ...new Set(entries.flatMap((e) => [...(e.suggestionId ? [e.suggestionId] : []), ...e.memberIds])),
    ];
    // A hard problem's members rejected or merged since are not honoured (holdListable).
    const authors = await honouredSuggestions(tx, ids);
    await notifyAll(tx, authors, 'ideas.notice.honoured', { list: kind });
    return {
      result: (await listsOf(tx, campaign.id, false)).find((l) => l.kind === kind)!,
      audit: { entityType: 'list', entityId: list.id, after: { kind, publishedAt, entries: entries.length } },
    };
  },
});

/** Publishes a list (audited); the authors of its entries are told. */
export const publishList = (ctx: ServiceContext, kind: Kind) => command.run(ctx, kind);
