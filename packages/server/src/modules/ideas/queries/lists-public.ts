import { z } from '@hono/zod-openapi';
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { ListKind } from '../contracts.js';
import { ideaListEntries, ideaLists } from '../schema.js';
import { iso } from '../views.js';
import { currentCampaign } from './campaigns.js';

export const ListEntry = z
  .object({
    id: z.uuid(),
    rank: z.number().int(),
    suggestionId: z.uuid().nullable(),
    memberIds: z.array(z.uuid()),
    title: z.string(),
    citation: z.string(),
  })
  .openapi('HonourListEntry');

export const PublishedList = z
  .object({ id: z.uuid(), kind: ListKind, publishedAt: z.string().nullable(), entries: z.array(ListEntry) })
  .openapi('HonourList');
export type PublishedList = z.infer<typeof PublishedList>;

export async function listsOf(db: Db, campaignId: string, publishedOnly: boolean): Promise<PublishedList[]> {
  const lists = await db
    .select()
    .from(ideaLists)
    .where(
      and(eq(ideaLists.campaignId, campaignId), publishedOnly ? isNotNull(ideaLists.publishedAt) : undefined),
    );
  if (lists.length === 0) return [];
  const entries = await db
    .select()
    .from(ideaListEntries)
    .where(
      inArray(
        ideaListEntries.listId,
        lists.map((l) => l.id),
      ),
    )
    .orderBy(asc(ideaListEntries.rank));
  const order = ['golden_idea', 'good_idea', 'hard_problem'];
  return lists
    .sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind))
    .map((l) => ({
      id: l.id,
      kind: l.kind,
      publishedAt: l.publishedAt ? iso(l.publishedAt) : null,
      entries: entries
        .filter((e) => e.listId === l.id)
        .map((e) => ({
          id: e.id,
          rank: e.rank,
          suggestionId: e.suggestionId,
          memberIds: e.memberIds,
          title: e.title,
          citation: e.citation,
        })),
    }));
}

export async function publicLists(db: Db) {
  const campaign = await currentCampaign(db);
  return listsOf(db, campaign.id, true);
}
