import { z } from '@hono/zod-openapi';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { primaryOf, type ServiceContext } from '../../../context.js';
import { forbidden } from '../../../errors.js';
import { ExportActions, Stats } from '../contracts.js';
import { EventKindFigure } from '../contracts-events.js';
import { mayEver } from '../policy.js';
import { ideaParticipations, ideaSuggestions } from '../schema.js';
import { exportActions } from '../staff-actions.js';
import { currentCampaign } from './campaigns.js';
import { unitIndex } from './lookup.js';
import { scopeTownIds } from './screening.js';
import { assembleStats, campaignStats, chartPeriod, grouped, rowsOf, townOfUnit } from './stats.js';
import { eventKindFigures } from './stats-events.js';

export const StaffStats = Stats.extend({
  /** The towns counted, or null when the figures cover the whole district. */
  scope: z.array(z.object({ id: z.uuid(), name: z.string() })).nullable(),
  actions: ExportActions,
  /** Per kind of event, those organised in the scope's units. */
  byEventKind: z.array(EventKindFigure),
}).openapi('IdeaStaffStats');
export type StaffStats = z.infer<typeof StaffStats>;

/**
 * The dashboard figures an actor may see: the whole campaign for the office and screeners
 * (the cached public figures), or only the towns of an organiser's own subtree, counted live.
 */
export async function staffStats(ctx: ServiceContext): Promise<StaffStats> {
  if (!mayEver(ctx.principal, 'suggestion.staffRead')) throw forbidden();
  const towns = await scopeTownIds(ctx);
  const actions = exportActions(ctx.principal);
  if (towns?.length === 0) throw forbidden();
  const campaign = await currentCampaign(ctx.db);
  const byEventKind = await eventKindFigures(ctx.db, campaign.id, towns);
  if (towns === null)
    return { ...(await campaignStats(ctx.db, primaryOf(ctx))), scope: null, actions, byEventKind };
  const [participations, suggestions] = await Promise.all([
    grouped(
      ctx.db,
      and(eq(ideaParticipations.campaignId, campaign.id), inArray(ideaParticipations.townId, towns)),
    ),
    ctx.db
      .select({
        domain: ideaSuggestions.domain,
        status: ideaSuggestions.status,
        n: sql<number>`count(*)::int`,
      })
      .from(ideaSuggestions)
      .where(and(eq(ideaSuggestions.campaignId, campaign.id), inArray(ideaSuggestions.townId, towns)))
      .groupBy(ideaSuggestions.domain, ideaSuggestions.status),
  ]);
  const index = await unitIndex(ctx.db);
  const inScope = new Set(towns);
  // Name the top units of the subtree only (a street, not each of its communities).
  const parentOf = (id: string) => index.get(id)?.path.split('/').filter(Boolean).at(-2);
  const tops = towns.filter((id) => !inScope.has(parentOf(id) ?? ''));
  return {
    ...assembleStats(rowsOf(participations), suggestions, chartPeriod(campaign), townOfUnit(index)),
    scope: tops.map((id) => ({ id, name: index.get(id)?.name ?? id })),
    actions,
    byEventKind,
  };
}
