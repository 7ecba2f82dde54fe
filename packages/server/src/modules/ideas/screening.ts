import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { audit } from '../../audit/audit.js';
import { actor, type ServiceContext } from '../../context.js';
import { type Tx, transaction } from '../../db/transaction.js';
import { AppError, forbidden, notFound } from '../../errors.js';
import { listAttachments } from './attachments.js';
import { currentCampaign } from './campaigns.js';
import type { SuggestionQuery } from './contracts.js';
import { ideasEngine, suggestionText } from './engine.js';
import { loadSuggestion, type SuggestionRow, unitIndex } from './lookup.js';
import { notify } from './notify.js';
import { canIdea } from './policy.js';
import { suggestionFilters } from './public.js';
import { ideaParticipations, ideaSuggestions, ideaSupports, ideaTimeline } from './schema.js';
import { maskedSimilar, staffView } from './views.js';

/** The towns an actor screens in, or null when every town is in scope. */
export async function scopeTownIds(ctx: ServiceContext): Promise<string[] | null> {
  const all = [...(await unitIndex(ctx.db))];
  const inScope = all
    .filter(([, u]) => canIdea(ctx.principal, 'suggestion.staffRead', u.path))
    .map(([id]) => id);
  return inScope.length === all.length ? null : inScope;
}

export async function screeningQueue(ctx: ServiceContext, q: SuggestionQuery) {
  const towns = await scopeTownIds(ctx);
  if (towns && towns.length === 0) throw forbidden();
  const campaign = await currentCampaign(ctx.db);
  const where = suggestionFilters(campaign.id, q);
  if (towns) where.push(inArray(ideaSuggestions.townId, towns));
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
  return { total: count?.n ?? 0, items: rows.map(staffView) };
}

/** One suggestion as a screener sees it, with its near-duplicate group. */
export async function screeningItem(ctx: ServiceContext, id: string) {
  const row = await loadInScope(ctx, id);
  const campaign = await currentCampaign(ctx.db);
  const { similar } = await ideasEngine.analyse(ctx.db, campaign, suggestionText(row.title, row.body), [
    row.id,
  ]);
  return {
    ...staffView(row),
    duplicates: maskedSimilar(similar),
    attachments: await listAttachments(ctx.db, row.id),
  };
}

/** Loads a suggestion the actor may screen; out of scope looks the same as missing. */
async function loadInScope(ctx: ServiceContext, id: string): Promise<SuggestionRow> {
  const row = await loadSuggestion(ctx.db, id).catch(() => null);
  const path = row ? (await unitIndex(ctx.db)).get(row.townId)?.path : undefined;
  if (!row || !path || !canIdea(ctx.principal, 'suggestion.staffRead', path)) throw notFound('suggestion');
  if (!canIdea(ctx.principal, 'suggestion.screen', path)) throw forbidden();
  return row;
}

export type ScreenDecision =
  | { decision: 'accept'; domain?: string | undefined }
  | { decision: 'reject'; reason: string }
  | { decision: 'merge'; into: string }
  | { decision: 'reclassify'; domain: string };

async function applyDecision(ctx: ServiceContext, tx: Tx, row: SuggestionRow, d: ScreenDecision) {
  const before = { status: row.status, domain: row.domain };
  let after: Record<string, unknown>;
  if (d.decision === 'accept') {
    after = { status: 'accepted', domain: d.domain ?? row.domain, domainConfirmed: true };
  } else if (d.decision === 'reject') {
    after = { status: 'rejected', rejectReason: d.reason };
  } else if (d.decision === 'reclassify') {
    after = { domain: d.domain, domainConfirmed: true };
  } else {
    after = { status: 'merged', mergedInto: d.into };
    // Supports and participations follow the suggestion into the one it merges with.
    await tx.execute(sql`
      insert into ${ideaSupports} (suggestion_id, user_id, fingerprint)
      select ${d.into}, user_id, fingerprint from ${ideaSupports} where suggestion_id = ${row.id}
      on conflict do nothing`);
    await tx
      .update(ideaParticipations)
      .set({ suggestionId: d.into })
      .where(eq(ideaParticipations.suggestionId, row.id));
    await tx
      .update(ideaSuggestions)
      .set({ supports: sql`(select count(*)::int from ${ideaSupports} where suggestion_id = ${d.into})` })
      .where(eq(ideaSuggestions.id, d.into));
  }
  await tx
    .update(ideaSuggestions)
    .set({ ...after, updatedAt: new Date() })
    .where(eq(ideaSuggestions.id, row.id));
  const params: Record<string, unknown> =
    d.decision === 'reject' ? { reason: d.reason } : d.decision === 'merge' ? { into: d.into } : {};
  if (d.decision !== 'reclassify') {
    const kind = { accept: 'accepted', reject: 'rejected', merge: 'merged' }[d.decision];
    await tx.insert(ideaTimeline).values({ suggestionId: row.id, kind, params });
    await notify(tx, row, `ideas.notice.${kind}`, params);
  }
  await audit(tx, actor(ctx), {
    action: `suggestion.${d.decision}`,
    entityType: 'suggestion',
    entityId: row.id,
    before,
    after,
  });
}

/** Screens suggestions (one or many): all in one transaction, or none when any is refused. */
export async function screenSuggestions(ctx: ServiceContext, ids: string[], d: ScreenDecision) {
  const campaign = await currentCampaign(ctx.db);
  if (d.decision === 'reject' && !campaign.rejectReasons.includes(d.reason))
    throw new AppError('VALIDATION', 'unknown reason', [
      { path: 'reason', message: 'not in the campaign list', code: 'not_in_campaign_list' },
    ]);
  const domain = d.decision === 'accept' || d.decision === 'reclassify' ? d.domain : undefined;
  if (domain !== undefined && !campaign.domains.some((x) => x.code === domain))
    throw new AppError('VALIDATION', 'unknown domain', [
      { path: 'domain', message: 'unknown domain', code: 'unknown_domain' },
    ]);
  const rows: SuggestionRow[] = [];
  for (const id of new Set(ids)) rows.push(await loadInScope(ctx, id));
  for (const row of rows) {
    if (row.campaignId !== campaign.id) throw notFound('suggestion');
    const ok =
      d.decision === 'reclassify' ? row.status !== 'merged' : ['submitted', 'accepted'].includes(row.status);
    if (!ok || (d.decision === 'accept' && row.status === 'accepted'))
      throw new AppError('INVALID_STATE', `the suggestion is ${row.status}`, [
        { path: row.id, message: row.status },
      ]);
  }
  if (d.decision === 'merge') {
    const target = await loadInScope(ctx, d.into);
    if (rows.some((r) => r.id === target.id) || !['submitted', 'accepted', 'adopted'].includes(target.status))
      throw new AppError('INVALID_STATE', 'cannot merge into this suggestion', [
        { path: 'into', message: target.status },
      ]);
  }
  await transaction(ctx.db, async (tx) => {
    for (const row of rows) await applyDecision(ctx, tx, row, d);
  });
  if (d.decision === 'reject' || d.decision === 'merge')
    ideasEngine.removed(
      campaign.id,
      rows.map((r) => r.id),
    );
  if (d.decision === 'reclassify' || (d.decision === 'accept' && d.domain))
    ideasEngine.scheduleRetrain(ctx.db, campaign);
  return { updated: rows.length };
}
