import type { z } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import { AppError, forbidden, notFound } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import { maskNumbersInText } from '../../../privacy.js';
import type { ListKind } from '../contracts.js';
import type { WithdrawEntryInput } from '../contracts-adoption.js';
import { notifyAuthors } from '../notify.js';
import { mayEver } from '../policy.js';
import { currentCampaign } from '../queries/campaigns.js';
import { listRow } from '../queries/lists.js';
import { listsOf } from '../queries/lists-public.js';
import { ideaListEntries, ideaLists } from '../schema.js';
import { honouredSuggestions } from './list-holds.js';

type Kind = z.infer<typeof ListKind>;
type Input = { kind: Kind; entryId: string; input: z.infer<typeof WithdrawEntryInput> };

/** A draft is edited and saved again: only what the public reads needs withdrawing. */
const draft = () =>
  new AppError('INVALID_STATE', 'the list is a draft: take the entry off and save it', [
    { path: 'kind', message: 'the list is a draft', code: 'list_draft' },
  ]);
const withdrawnAlready = () =>
  new AppError('INVALID_STATE', 'the entry was withdrawn already', [
    { path: 'entryId', message: 'withdrawn already', code: 'entry_withdrawn' },
  ]);

async function entryOf(db: Db, listId: string, entryId: string) {
  const [entry] = await db
    .select()
    .from(ideaListEntries)
    .where(and(eq(ideaListEntries.id, entryId), eq(ideaListEntries.listId, listId)));
  if (!entry) throw notFound('list entry');
  return entry;
}

const command = defineCommand({
  name: 'list.withdrawEntry',
  async load(ctx, { kind, entryId }: Input) {
    if (!mayEver(ctx.principal, 'list.manage')) throw forbidden();
    const campaign = await currentCampaign(ctx.db);
    const list = await listRow(ctx, campaign.id, kind);
    if (!list) throw notFound('list');
    if (!list.publishedAt) throw draft();
    if ((await entryOf(ctx.db, list.id, entryId)).withdrawnAt) throw withdrawnAlready();
    return { campaign, listId: list.id };
  },
  async write(tx, ctx, { campaign, listId }, { kind, entryId, input }) {
    // The list's row, as a save and a publication hold it: a withdrawal waits for whatever else
    // changes the list, and two withdrawals (two tabs) go one after the other, the second
    // finding the entry withdrawn. An adoption of the entry holds the entry's row (`adoptIdea`).
    await tx.select({ id: ideaLists.id }).from(ideaLists).where(eq(ideaLists.id, listId)).for('update');
    const entry = await entryOf(tx, listId, entryId);
    if (entry.withdrawnAt) throw withdrawnAlready();
    // The other entries keep their ranks, a gap where this one stood: the ranks were published
    // and told to their authors, and moving each up one would rank them anew without a word of
    // the office; the public list says which rank was withdrawn and when.
    const withdrawnAt = new Date();
    // Kept masked, as the audit and the notice carry it: the list editor shows it to every admin.
    const reason = maskNumbersInText(input.reason);
    await tx
      .update(ideaListEntries)
      .set({ withdrawnAt, withdrawnBy: ctx.principal!.userId, withdrawnReason: reason })
      .where(eq(ideaListEntries.id, entryId));
    // Told: the authors publication told of the honour (its suggestion, or a hard problem's
    // members still accepted or adopted), with the reason, which only they read.
    const ids = [...(entry.suggestionId ? [entry.suggestionId] : []), ...entry.memberIds];
    const authors = await honouredSuggestions(tx, ids);
    await notifyAuthors(tx, authors, 'ideas.notice.listWithdrawn', { list: kind, reason });
    const named = { rank: entry.rank, suggestionId: entry.suggestionId, title: entry.title };
    return {
      result: (await listsOf(tx, campaign.id, false)).find((l) => l.kind === kind)!,
      audit: {
        entityType: 'list',
        entityId: listId,
        before: { kind, entry: { ...named, withdrawnAt: null } },
        after: { kind, entry: { ...named, withdrawnAt, reason } },
      },
    };
  },
});

/**
 * Withdraws an entry from a published list (plagiarised, or at its author's request), with the
 * reason: the public list no longer shows it, its authors are told, and its suggestion is no
 * longer held by the list (it can be rejected or merged).
 */
export const withdrawListEntry = (
  ctx: ServiceContext,
  kind: Kind,
  entryId: string,
  input: z.infer<typeof WithdrawEntryInput>,
) => command.run(ctx, { kind, entryId, input });
