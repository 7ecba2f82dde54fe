import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '../../../db/transaction.js';
import { AppError, type FieldError } from '../../../errors.js';
import { ideaListEntries, ideaLists, ideaSuggestions } from '../schema.js';

/** The states of a suggestion an honour list may name: screening let it through. */
export const listableStatuses = ['accepted', 'adopted'] as const;
const listable = (status: string) => (listableStatuses as readonly string[]).includes(status);

interface Entry {
  suggestionId?: string | null | undefined;
}

/**
 * Refuses entries naming a suggestion not accepted or adopted, with its rows held (share) to the
 * end of the list's transaction: a rejection or merge waits for it, then finds the suggestion on
 * the list ({@link refuseIfListed}). A hard problem's members are not held: they are the cluster
 * behind it (up to 500), which screening goes on merging and rejecting; the public reads only
 * those still public, and only their authors are told of the honour.
 */
export async function holdListable(tx: Tx, entries: readonly Entry[]): Promise<void> {
  const ids = [...new Set(entries.flatMap((e) => (e.suggestionId ? [e.suggestionId] : [])))];
  if (ids.length === 0) return;
  const rows = await tx
    .select({ id: ideaSuggestions.id, status: ideaSuggestions.status })
    .from(ideaSuggestions)
    .where(inArray(ideaSuggestions.id, ids))
    .orderBy(ideaSuggestions.id)
    .for('share');
  const status = new Map(rows.map((r) => [r.id, r.status]));
  const off = (id: string) => !listable(status.get(id) ?? 'gone');
  const problems: FieldError[] = entries.flatMap((e, i) => {
    const id = e.suggestionId;
    if (!id || !off(id)) return [];
    return [
      {
        path: `entries.${i}.suggestionId`,
        message: `the suggestion is ${status.get(id) ?? 'gone'}`,
        code: 'not_listable',
        params: { status: status.get(id) ?? 'gone' },
      },
    ];
  });
  if (problems.length > 0)
    throw new AppError(
      'INVALID_STATE',
      'an honour list names only accepted or adopted suggestions',
      problems,
    );
}

/**
 * Refuses a rejection or merge of suggestions an honour list names as an entry, published or
 * draft (a hard problem's members are not named so, see {@link holdListable}): the
 * office chose, ranked and cited them, so the office takes them off first (off a draft, or
 * withdrawn from a published list: `withdrawListEntry`) rather than find a gap at publication. Called with the suggestions locked, so a list saved or published at the same
 * time either waits and then refuses them ({@link holdListable}) or is seen here.
 */
export async function refuseIfListed(tx: Tx, ids: readonly string[]): Promise<void> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return;
  const held = await tx
    .select({
      suggestionId: ideaListEntries.suggestionId,
      kind: ideaLists.kind,
      publishedAt: ideaLists.publishedAt,
    })
    .from(ideaListEntries)
    .innerJoin(ideaLists, eq(ideaLists.id, ideaListEntries.listId))
    .where(and(inArray(ideaListEntries.suggestionId, wanted), isNull(ideaListEntries.withdrawnAt)));
  const problems: FieldError[] = [];
  ids.forEach((id, i) => {
    const on = held.find((h) => h.suggestionId === id);
    if (on)
      problems.push({
        path: `ids.${i}`,
        message: `on the ${on.publishedAt ? 'published' : 'draft'} ${on.kind} list`,
        code: on.publishedAt ? 'on_published_list' : 'on_draft_list',
        params: { list: on.kind },
      });
  });
  if (problems.length > 0) throw new AppError('CONFLICT', 'an honour list names the suggestion', problems);
}

/**
 * The suggestions among `ids` whose authors an honour list speaks to: those still accepted or
 * adopted (a hard problem's members rejected or merged since are not honoured).
 */
export async function honouredSuggestions(tx: Tx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return tx
    .select()
    .from(ideaSuggestions)
    .where(
      and(inArray(ideaSuggestions.id, [...ids]), inArray(ideaSuggestions.status, [...listableStatuses])),
    );
}
