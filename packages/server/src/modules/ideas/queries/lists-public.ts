import { z } from '@hono/zod-openapi';
import { and, asc, desc, eq, inArray, isNotNull, isNull, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { notFound } from '../../../errors.js';
import { maskNumbersInText } from '../../../privacy.js';
import { ListKind } from '../contracts.js';
import { publicStatuses } from '../publication.js';
import { ideaListEntries, ideaLists, ideaSuggestions } from '../schema.js';
import { iso, publicView } from '../views.js';
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

/**
 * The public's line for an entry the office withdrew from a published list: its rank and the
 * day, not its title nor the reason (which may say whose text was copied). The list says so
 * rather than close the gap unseen: what was published stays accountable.
 */
export const ListWithdrawal = z
  .object({ rank: z.number().int(), withdrawnAt: z.string() })
  .openapi('HonourListWithdrawal');

export const PublishedList = z
  .object({
    id: z.uuid(),
    kind: ListKind,
    publishedAt: z.string().nullable(),
    entries: z.array(ListEntry),
    withdrawals: z.array(ListWithdrawal),
  })
  .openapi('HonourList');
export type PublishedList = z.infer<typeof PublishedList>;

/** A withdrawal as the office reads it: which entry, and why. */
export const OfficeListWithdrawal = ListWithdrawal.extend({
  entryId: z.uuid(),
  title: z.string(),
  reason: z.string(),
}).openapi('OfficeHonourListWithdrawal');
/** A list as the office reads it, the withdrawn entries named. */
export const OfficeList = PublishedList.extend({ withdrawals: z.array(OfficeListWithdrawal) }).openapi(
  'OfficeHonourList',
);
export type OfficeList = z.infer<typeof OfficeList>;

/** The campaign's lists for the office: drafts too unless `publishedOnly`, withdrawals named. */
export async function listsOf(db: Db, campaignId: string, publishedOnly: boolean): Promise<OfficeList[]> {
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
        .filter((e) => e.listId === l.id && !e.withdrawnAt)
        .map((e) => ({
          id: e.id,
          rank: e.rank,
          suggestionId: e.suggestionId,
          memberIds: e.memberIds,
          title: e.title,
          citation: e.citation,
        })),
      withdrawals: entries.flatMap((e) =>
        e.listId === l.id && e.withdrawnAt
          ? [
              {
                entryId: e.id,
                rank: e.rank,
                title: e.title,
                reason: e.withdrawnReason ?? '',
                withdrawnAt: iso(e.withdrawnAt),
              },
            ]
          : [],
      ),
    }));
}

/**
 * The suggestions published golden and good idea lists hold, `where` narrowing them: an entry
 * withdrawn no longer holds its suggestion (its rank was withdrawn, not made by its scores). The one
 * query of them, for `submitReview` (whose scores close, in its checks and in its write's
 * condition), for the review page (which offers no scoring there) and for the tests. A query,
 * so that the write can take it as a condition and the readers can await it.
 */
export const onPublishedIdeaLists = (db: Db, where?: SQL) =>
  db
    .select({ id: ideaListEntries.suggestionId })
    .from(ideaListEntries)
    .innerJoin(ideaLists, eq(ideaLists.id, ideaListEntries.listId))
    .where(
      and(
        inArray(ideaLists.kind, ['golden_idea', 'good_idea']),
        isNotNull(ideaLists.publishedAt),
        isNull(ideaListEntries.withdrawnAt),
        where,
      ),
    );

/**
 * The published lists as the public reads them: an entry's title and citation are the office's
 * words, which may quote an author's phone or ID number, so those are masked as on every public
 * page; the office reads them as written.
 */
export async function publicLists(db: Db): Promise<PublishedList[]> {
  const campaign = await currentCampaign(db);
  return (await listsOf(db, campaign.id, true)).map((l) => ({
    ...l,
    entries: l.entries.map((e) => ({
      ...e,
      title: maskNumbersInText(e.title),
      citation: maskNumbersInText(e.citation),
    })),
    withdrawals: l.withdrawals.map(({ rank, withdrawnAt }) => ({ rank, withdrawnAt })),
  }));
}

/** Most suggestions shown behind one entry (a hard problem gathers up to 500). */
const MEMBERS_SHOWN = 100;

/**
 * The suggestions behind a published entry of the current campaign (a hard problem's cluster),
 * those the public may read, most supported first.
 */
export async function publicEntryMembers(db: Db, entryId: string) {
  const campaign = await currentCampaign(db);
  const [entry] = await db
    .select({ memberIds: ideaListEntries.memberIds, suggestionId: ideaListEntries.suggestionId })
    .from(ideaListEntries)
    .innerJoin(ideaLists, eq(ideaLists.id, ideaListEntries.listId))
    .where(
      and(
        eq(ideaListEntries.id, entryId),
        eq(ideaLists.campaignId, campaign.id),
        isNotNull(ideaLists.publishedAt),
        isNull(ideaListEntries.withdrawnAt),
      ),
    );
  if (!entry) throw notFound('list entry');
  const ids = entry.memberIds.length > 0 ? entry.memberIds : entry.suggestionId ? [entry.suggestionId] : [];
  if (ids.length === 0) return [];
  const rows = await db
    .select()
    .from(ideaSuggestions)
    .where(
      and(
        inArray(ideaSuggestions.id, ids),
        eq(ideaSuggestions.campaignId, campaign.id),
        inArray(ideaSuggestions.status, publicStatuses(campaign)),
      ),
    )
    .orderBy(desc(ideaSuggestions.supports), desc(ideaSuggestions.createdAt))
    .limit(MEMBERS_SHOWN);
  return rows.map(publicView);
}
