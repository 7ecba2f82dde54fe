import type { z } from '@hono/zod-openapi';
import { and, eq, inArray } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { AppError, forbidden } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import type { ListKind } from '../contracts.js';
import type { SaveListInput } from '../contracts-adoption.js';
import { mayEver } from '../policy.js';
import { currentCampaign } from '../queries/campaigns.js';
import { listRow, onOtherIdeaList, otherIdeaList } from '../queries/lists.js';
import { listsOf } from '../queries/lists-public.js';
import { ideaCampaigns, ideaListEntries, ideaLists, ideaSuggestions } from '../schema.js';
import { listPublished } from './campaign-common.js';
import { holdListable } from './list-holds.js';

type Kind = z.infer<typeof ListKind>;
type Input = { kind: Kind; input: z.infer<typeof SaveListInput> };

const command = defineCommand({
  name: 'list.save',
  async load(ctx, { kind, input }: Input) {
    if (!mayEver(ctx.principal, 'list.manage')) throw forbidden();
    const campaign = await currentCampaign(ctx.db);
    const size = campaign.listSizes[kind] ?? 10;
    if (input.entries.length > size)
      throw new AppError('VALIDATION', `at most ${size} entries`, [
        { path: 'entries', message: 'too many', code: 'too_big', params: { origin: 'array', maximum: size } },
      ]);
    const ranks = input.entries.map((e) => e.rank);
    if (new Set(ranks).size !== ranks.length)
      throw new AppError('VALIDATION', 'ranks repeat', [
        { path: 'entries', message: 'duplicate rank', code: 'duplicate' },
      ]);
    const ids = input.entries.flatMap((e) => [...(e.suggestionId ? [e.suggestionId] : []), ...e.memberIds]);
    if (ids.length) {
      const found = await ctx.db
        .select({ id: ideaSuggestions.id })
        .from(ideaSuggestions)
        .where(and(eq(ideaSuggestions.campaignId, campaign.id), inArray(ideaSuggestions.id, ids)));
      if (found.length !== new Set(ids).size)
        throw new AppError('VALIDATION', 'unknown suggestion', [
          { path: 'entries', message: 'unknown suggestion', code: 'unknown_suggestion' },
        ]);
    }
    const existing = await listRow(ctx, campaign.id, kind);
    if (existing?.publishedAt) throw listPublished();
    return { campaign };
  },
  async write(tx, _ctx, { campaign }, { kind, input }) {
    // The two idea lists are saved one at a time, the campaign's row standing for both: each
    // save checks the other list's entries, which a save beside it would not yet show. No key
    // update, so that suggestions still come in (their key share on the campaign goes along).
    if (otherIdeaList[kind])
      await tx
        .select({ id: ideaCampaigns.id })
        .from(ideaCampaigns)
        .where(eq(ideaCampaigns.id, campaign.id))
        .for('no key update');
    // The list's row is made if need be, then locked and checked again: a publication since the
    // checks refuses the save, which would otherwise change a list the public already reads.
    await tx.insert(ideaLists).values({ campaignId: campaign.id, kind }).onConflictDoNothing();
    const list = (
      await tx
        .select()
        .from(ideaLists)
        .where(and(eq(ideaLists.campaignId, campaign.id), eq(ideaLists.kind, kind)))
        .for('update')
    )[0]!;
    if (list.publishedAt) throw listPublished();
    const taken = await onOtherIdeaList(tx, campaign.id, kind);
    const twice = input.entries.flatMap((e, i) =>
      e.suggestionId && taken.has(e.suggestionId)
        ? [
            {
              path: `entries.${i}.suggestionId`,
              message: `already on the ${otherIdeaList[kind]} list`,
              code: 'on_other_list',
            },
          ]
        : [],
    );
    if (twice.length > 0) throw new AppError('CONFLICT', 'an idea is golden or good, never both', twice);
    await holdListable(tx, input.entries);
    await tx.delete(ideaListEntries).where(eq(ideaListEntries.listId, list.id));
    if (input.entries.length)
      await tx.insert(ideaListEntries).values(input.entries.map((e) => ({ ...e, listId: list.id })));
    return {
      result: (await listsOf(tx, campaign.id, false)).find((l) => l.kind === kind)!,
      audit: { entityType: 'list', entityId: list.id, after: { kind, entries: input.entries } },
    };
  },
});

/** The office's choice and citations for a list, while it is a draft. */
export const saveList = (ctx: ServiceContext, kind: Kind, input: z.infer<typeof SaveListInput>) =>
  command.run(ctx, { kind, input });
