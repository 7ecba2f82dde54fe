import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { AppError } from '../../../errors.js';
import { maskPhone } from '../../../privacy.js';
import type { MySuggestion } from '../contracts-citizen.js';
import { canIdea } from '../policy.js';
import { isPublic, loadPublicSuggestion } from '../publication.js';
import { ideaFollows, ideaSuggestions } from '../schema.js';
import { iso, publicView } from '../views.js';
import { campaignById } from './campaigns.js';
import type { SuggestionRow } from './lookup.js';
import { unitIndex } from './lookup.js';

/** The signed-in citizen or firm, or FORBIDDEN (UNAUTHENTICATED when no one is signed in). */
export function citizenOf(
  ctx: ServiceContext,
  action: 'mine.read' | 'suggestion.follow' | 'suggestion.claim',
) {
  if (!ctx.principal) throw new AppError('UNAUTHENTICATED');
  if (!canIdea(ctx.principal, action)) throw new AppError('FORBIDDEN');
  return ctx.principal.userId;
}

async function views(ctx: ServiceContext, rows: SuggestionRow[], own: boolean): Promise<MySuggestion[]> {
  const units = await unitIndex(ctx.db);
  const out: MySuggestion[] = [];
  for (const r of rows) {
    const campaign = await campaignById(ctx.db, r.campaignId);
    out.push({
      ...publicView(r),
      // The tracking code and the phone are the author's; a follower sees neither.
      trackingCode: own ? r.trackingCode : null,
      phone: own ? maskPhone(r.phone) : null,
      domainName: campaign.domains.find((d) => d.code === r.domain)?.name ?? null,
      townName: units.get(r.townId)?.name ?? null,
      shownInPublic: isPublic(campaign, r.status),
      updatedAt: iso(r.updatedAt),
    });
  }
  return out;
}

async function page(ctx: ServiceContext, where: SQL, q: { page: number; pageSize: number }, own: boolean) {
  const base = ctx.db.select({ s: ideaSuggestions }).from(ideaSuggestions);
  const joined = own ? base : base.innerJoin(ideaFollows, eq(ideaFollows.suggestionId, ideaSuggestions.id));
  const rows = await joined
    .where(where)
    .orderBy(desc(ideaSuggestions.createdAt), desc(ideaSuggestions.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const counted = own
    ? ctx.db.select({ n: count() }).from(ideaSuggestions)
    : ctx.db
        .select({ n: count() })
        .from(ideaSuggestions)
        .innerJoin(ideaFollows, eq(ideaFollows.suggestionId, ideaSuggestions.id));
  const [total] = await counted.where(where);
  return {
    total: total?.n ?? 0,
    items: await views(
      ctx,
      rows.map((r) => r.s),
      own,
    ),
  };
}

/** 我的建议: the suggestions the signed-in person wrote (or attached), newest first, every campaign. */
export function mySuggestions(ctx: ServiceContext, q: { page: number; pageSize: number }) {
  const userId = citizenOf(ctx, 'mine.read');
  return page(ctx, eq(ideaSuggestions.authorUserId, userId), q, true);
}

/** The suggestions the signed-in person follows, newest first. */
export function myFollowing(ctx: ServiceContext, q: { page: number; pageSize: number }) {
  const userId = citizenOf(ctx, 'mine.read');
  return page(ctx, eq(ideaFollows.userId, userId), q, false);
}

/** Whether the signed-in person follows a suggestion the public may see. */
export async function followState(ctx: ServiceContext, id: string) {
  const userId = citizenOf(ctx, 'suggestion.follow');
  await loadPublicSuggestion(ctx.db, id);
  const [row] = await ctx.db
    .select({ userId: ideaFollows.userId })
    .from(ideaFollows)
    .where(and(eq(ideaFollows.suggestionId, id), eq(ideaFollows.userId, userId)));
  return { following: Boolean(row) };
}
