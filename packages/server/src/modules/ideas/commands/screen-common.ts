import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Tx } from '../../../db/transaction.js';
import { AppError, forbidden, notFound } from '../../../errors.js';
import type { Campaign } from '../contracts.js';
import { notify } from '../notify.js';
import { canIdea } from '../policy.js';
import { currentCampaign } from '../queries/campaigns.js';
import { loadSuggestion, type SuggestionRow, unitIndex } from '../queries/lookup.js';
import { ideaReviews, ideaSuggestions, ideaTimeline, suggestionStatuses } from '../schema.js';

type Status = SuggestionRow['status'];

/**
 * The states each screening decision starts from: the commands refuse any other with
 * INVALID_STATE, and the actions sent with a suggestion offer only these.
 */
export const screenableFrom = {
  accept: (s: Status) => s === 'submitted',
  reject: (s: Status) => s === 'submitted' || s === 'accepted',
  merge: (s: Status) => s === 'submitted' || s === 'accepted',
  reclassify: (s: Status) => s !== 'merged',
} as const;

/** Every state a reclassification starts from, for its write's condition. */
export const reclassifiable: readonly Status[] = suggestionStatuses.filter(screenableFrom.reclassify);

/**
 * The refusal of a decision on a suggestion no longer in a state it starts from; `decided_meanwhile`
 * when another decision came in between the checks and the write.
 */
const notNow = (row: Pick<SuggestionRow, 'id'>, status: Status | undefined, code?: 'decided_meanwhile') =>
  new AppError('INVALID_STATE', `the suggestion is ${status ?? 'gone'}`, [
    {
      path: row.id,
      message: status ?? 'gone',
      code: code ?? 'not_screenable',
      params: { status: status ?? 'gone' },
    },
  ]);

/** The states of a suggestion others may be merged into. */
export const mergeableInto = (s: Status) => s === 'submitted' || s === 'accepted' || s === 'adopted';

/** Loads a suggestion the actor may screen; out of scope looks the same as missing. */
export async function loadInScope(ctx: ServiceContext, id: string): Promise<SuggestionRow> {
  const row = await loadSuggestion(ctx.db, id).catch(() => null);
  const path = row ? (await unitIndex(ctx.db)).get(row.townId)?.path : undefined;
  if (!row || !path || !canIdea(ctx.principal, 'suggestion.staffRead', path)) throw notFound('suggestion');
  if (!canIdea(ctx.principal, 'suggestion.screen', path)) throw forbidden();
  return row;
}

/** A domain the campaign knows, or a VALIDATION problem naming the field. */
export function checkDomain(campaign: Campaign, domain: string | undefined): void {
  if (domain !== undefined && !campaign.domains.some((x) => x.code === domain))
    throw new AppError('VALIDATION', 'unknown domain', [
      { path: 'domain', message: 'unknown domain', code: 'unknown_domain' },
    ]);
}

export interface Screening {
  campaign: Campaign;
  rows: SuggestionRow[];
}

/**
 * The suggestions of one decision, each in the actor's scope, in the current campaign and in a
 * state `may` accepts; any one refused refuses them all, before anything is written.
 */
export async function loadForScreening(
  ctx: ServiceContext,
  ids: readonly string[],
  may: (status: Status) => boolean,
): Promise<Screening> {
  const campaign = await currentCampaign(ctx.db);
  const rows: SuggestionRow[] = [];
  for (const id of new Set(ids)) rows.push(await loadInScope(ctx, id));
  for (const row of rows) {
    if (row.campaignId !== campaign.id) throw notFound('suggestion');
    if (!may(row.status)) throw notNow(row, row.status);
  }
  return { campaign, rows };
}

/** What a suggestion is as its decision's transaction holds it locked: the audit's "before". */
export type Held = Pick<SuggestionRow, 'status' | 'domain'>;

/**
 * Locks the suggestions' rows in one order, by id, whatever order the caller gave them in: two
 * batches crossing (one ordered a, b, the other b, a) then wait for each other instead of each
 * holding one row the other needs, which PostgreSQL breaks by failing one of them.
 */
export async function lockInOrder(tx: Tx, ids: readonly string[]): Promise<Map<string, Held>> {
  const rows = await tx
    .select({ id: ideaSuggestions.id, status: ideaSuggestions.status, domain: ideaSuggestions.domain })
    .from(ideaSuggestions)
    .where(inArray(ideaSuggestions.id, [...ids]))
    .orderBy(ideaSuggestions.id)
    .for('update');
  return new Map(rows.map(({ id, ...held }) => [id, held]));
}

/** The refusal of an acceptance of a suggestion moved to another domain since the screener saw it. */
const reclassifiedMeanwhile = (row: Pick<SuggestionRow, 'id'>, domain: string) =>
  new AppError('CONFLICT', `the suggestion was moved to ${domain} meanwhile`, [
    { path: row.id, message: 'reclassified since it was read', code: 'reclassified_meanwhile' },
  ]);

export interface Decision {
  after: Record<string, unknown>;
  /** A decision the author hears of: its timeline entry and notice. */
  notice?: { kind: 'accepted' | 'rejected' | 'merged'; params: Record<string, unknown> } | undefined;
  /** The states it starts from: by default the status the checks saw. */
  from?: readonly Status[];
  /** It confirms the domain the checks saw, so it is refused once the suggestion is in another. */
  sameDomain?: boolean;
}

/**
 * Writes one screening decision on one suggestion, `held` locked by {@link decideEach}: its
 * columns, and, for a decision the author hears of, the public timeline entry and the notice.
 * Returns the audit entry of the change. The checks ran before the transaction: the write holds
 * only while the suggestion is still as they saw it (in `from`), so of two screeners deciding at
 * once (or a screener and the office adopting) the second is refused and the author hears of one
 * decision.
 */
export async function decide(tx: Tx, row: SuggestionRow, held: Held | undefined, d: Decision) {
  const from = d.from ?? [row.status];
  if (!held || !from.includes(held.status)) throw notNow(row, held?.status, 'decided_meanwhile');
  if (d.sameDomain && held.domain !== row.domain) throw reclassifiedMeanwhile(row, held.domain);
  await tx
    .update(ideaSuggestions)
    .set({ ...d.after, updatedAt: new Date() })
    .where(eq(ideaSuggestions.id, row.id));
  if (d.notice) {
    await tx
      .insert(ideaTimeline)
      .values({ suggestionId: row.id, kind: d.notice.kind, params: d.notice.params });
    await notify(tx, row, `ideas.notice.${d.notice.kind}`, d.notice.params);
  }
  return {
    entityType: 'suggestion',
    entityId: row.id,
    before: { status: held.status, domain: held.domain },
    after: d.after,
  };
}

/**
 * One decision on every suggestion in turn, in the command's transaction, their rows locked
 * first ({@link lockInOrder}): its outcome, an audit entry each.
 */
export async function decideEach(
  tx: Tx,
  rows: readonly SuggestionRow[],
  one: (row: SuggestionRow, held: Held | undefined) => ReturnType<typeof decide>,
) {
  const held = await lockInOrder(
    tx,
    rows.map((r) => r.id),
  );
  const audit: Array<Awaited<ReturnType<typeof decide>>> = [];
  for (const row of rows) audit.push(await one(row, held.get(row.id)));
  return { result: { updated: rows.length }, audit };
}

/**
 * Rejected or merged suggestions leave the shortlist, and their open assignments go: experts no
 * longer score them. Reviews already submitted stay, as the record of what was scored.
 */
export async function offShortlist(tx: Tx, rows: readonly SuggestionRow[]) {
  const ids = rows.map((r) => r.id);
  await tx
    .update(ideaSuggestions)
    .set({ shortlistedAt: null, shortlistedBy: null })
    .where(and(inArray(ideaSuggestions.id, ids), isNotNull(ideaSuggestions.shortlistedAt)));
  await tx
    .delete(ideaReviews)
    .where(and(inArray(ideaReviews.suggestionId, ids), isNull(ideaReviews.submittedAt)));
}
