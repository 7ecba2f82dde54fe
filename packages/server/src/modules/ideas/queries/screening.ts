import { and, desc, inArray, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { forbidden } from '../../../errors.js';
import { loadInScope } from '../commands/screen-common.js';
import type { SuggestionQuery } from '../contracts.js';
import { canIdea, type IdeaAction } from '../policy.js';
import { ideaSuggestions } from '../schema.js';
import { duplicateActions, screeningActions, suggestionActions } from '../staff-actions.js';
import { ideasEngine, suggestionText } from '../text/engine.js';
import type { SimilarSuggestion } from '../text/engines.js';
import { maskedSimilar, staffView } from '../views.js';
import { listAttachments } from './attachments.js';
import { currentCampaign } from './campaigns.js';
import { townPath, unitIndex } from './lookup.js';
import { suggestionFilters } from './public.js';

/** The towns an actor may act in (reads staff views by default), or null when every town is in scope. */
export async function scopeTownIds(
  ctx: ServiceContext,
  action: IdeaAction = 'suggestion.staffRead',
): Promise<string[] | null> {
  const all = [...(await unitIndex(ctx.db))];
  const inScope = all.filter(([, u]) => canIdea(ctx.principal, action, u.path)).map(([id]) => id);
  return inScope.length === all.length ? null : inScope;
}

/** The campaign's name for a row's domain and the unit tree's for its town. */
const namesOf = (
  row: { domain: string; townId: string },
  campaign: { domains: { code: string; name: string }[] },
  units: Map<string, { name: string }>,
) => ({
  domainName: campaign.domains.find((d) => d.code === row.domain)?.name ?? null,
  townName: units.get(row.townId)?.name ?? null,
});

/**
 * The screening list's rows for these filters within the reader's towns, as conditions, with the
 * campaign they belong to; refused to a reader with no town. The list and its export share it, so
 * the workbook holds what the list shows.
 */
export async function queueConditions(ctx: ServiceContext, q: Omit<SuggestionQuery, 'page' | 'pageSize'>) {
  const towns = await scopeTownIds(ctx);
  if (towns && towns.length === 0) throw forbidden();
  const campaign = await currentCampaign(ctx.db);
  const where = suggestionFilters(campaign.id, q);
  if (towns) where.push(inArray(ideaSuggestions.townId, towns));
  return { campaign, where };
}

export async function screeningQueue(ctx: ServiceContext, q: SuggestionQuery) {
  const { campaign, where } = await queueConditions(ctx, q);
  const [rows, [count]] = await Promise.all([
    ctx.db
      .select()
      .from(ideaSuggestions)
      .where(and(...where))
      .orderBy(desc(ideaSuggestions.createdAt), desc(ideaSuggestions.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(ideaSuggestions)
      .where(and(...where)),
  ]);
  const units = await unitIndex(ctx.db);
  const items = rows.map((row) => ({
    ...staffView(row),
    ...namesOf(row, campaign, units),
    actions: suggestionActions(ctx.principal, row, units.get(row.townId)?.path ?? '', campaign.id),
  }));
  return { total: count?.n ?? 0, items, actions: screeningActions(ctx.principal) };
}

/** The near-duplicates of a suggestion, each saying whether the caller may merge it there. */
async function duplicatesOf(ctx: ServiceContext, similar: SimilarSuggestion[], merge: boolean) {
  const ids = similar.map((s) => s.id);
  const [rows, units] = await Promise.all([
    ids.length
      ? ctx.db
          .select({ id: ideaSuggestions.id, status: ideaSuggestions.status, townId: ideaSuggestions.townId })
          .from(ideaSuggestions)
          .where(inArray(ideaSuggestions.id, ids))
      : [],
    unitIndex(ctx.db),
  ]);
  const byId = new Map(
    rows.map((r) => [r.id, { status: r.status, townPath: units.get(r.townId)?.path ?? '' }]),
  );
  return maskedSimilar(similar).map((d) => ({
    ...d,
    actions: duplicateActions(ctx.principal, merge, byId.get(d.id)),
  }));
}

/** One suggestion as a screener sees it, with its near-duplicate group. */
export async function screeningItem(ctx: ServiceContext, id: string) {
  const row = await loadInScope(ctx, id);
  const campaign = await currentCampaign(ctx.db);
  const { similar } = await ideasEngine.analyse(ctx.db, campaign, suggestionText(row.title, row.body), [
    row.id,
  ]);
  const actions = suggestionActions(ctx.principal, row, await townPath(ctx.db, row.townId), campaign.id);
  return {
    ...staffView(row),
    ...namesOf(row, campaign, await unitIndex(ctx.db)),
    actions,
    duplicates: await duplicatesOf(ctx, similar, actions.merge),
    attachments: await listAttachments(ctx.db, row),
  };
}
