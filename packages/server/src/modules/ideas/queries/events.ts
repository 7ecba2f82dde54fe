import { desc, eq, inArray } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { AppError, forbidden, notFound } from '../../../errors.js';
import { canIdea, mayEver } from '../policy.js';
import { ideaEvents, ideaSuggestions } from '../schema.js';
import { eventActions, eventListActions } from '../staff-actions.js';
import { currentCampaign } from './campaigns.js';
import { unitIndex } from './lookup.js';

export type EventRow = typeof ideaEvents.$inferSelect;

/** An event as the API answers it. */
export const eventView = (e: EventRow, suggestionIds: string[] = []) => ({
  id: e.id,
  kind: e.kind,
  title: e.title,
  heldOn: e.heldOn,
  place: e.place,
  organiserUnitId: e.organiserUnitId,
  attendanceCount: e.attendanceCount,
  attendees: e.attendees,
  minutes: e.minutes,
  suggestionIds,
});

/** The path of an organiser unit, or a validation error naming the field. */
export async function unitPath(ctx: ServiceContext, unitId: string) {
  const u = (await unitIndex(ctx.db)).get(unitId);
  if (!u)
    throw new AppError('VALIDATION', 'unknown unit', [
      { path: 'organiserUnitId', message: 'not found', code: 'not_found' },
    ]);
  return u.path;
}

export async function listEvents(ctx: ServiceContext) {
  if (!mayEver(ctx.principal, 'event.manage')) throw forbidden();
  const campaign = await currentCampaign(ctx.db);
  const rows = await ctx.db
    .select()
    .from(ideaEvents)
    .where(eq(ideaEvents.campaignId, campaign.id))
    .orderBy(desc(ideaEvents.heldOn));
  const [units, linked] = await Promise.all([unitIndex(ctx.db), linkedSuggestions(ctx, rows)]);
  return {
    items: rows.map((r) => ({
      ...eventView(r, linked.get(r.id)),
      actions: eventActions(ctx.principal, units.get(r.organiserUnitId)?.path ?? ''),
    })),
    actions: eventListActions(ctx.principal),
  };
}

/** The suggestions collected at each of these events, in one query. */
async function linkedSuggestions(ctx: ServiceContext, events: readonly EventRow[]) {
  const byEvent = new Map<string, string[]>();
  if (events.length === 0) return byEvent;
  const rows = await ctx.db
    .select({ id: ideaSuggestions.id, eventId: ideaSuggestions.eventId })
    .from(ideaSuggestions)
    .where(
      inArray(
        ideaSuggestions.eventId,
        events.map((e) => e.id),
      ),
    );
  for (const r of rows) byEvent.set(r.eventId!, [...(byEvent.get(r.eventId!) ?? []), r.id]);
  return byEvent;
}

/** An event the actor may manage, or not-found. */
export async function loadEvent(ctx: ServiceContext, id: string) {
  const [e] = await ctx.db.select().from(ideaEvents).where(eq(ideaEvents.id, id));
  if (!e || !canIdea(ctx.principal, 'event.manage', await unitPath(ctx, e.organiserUnitId)))
    throw notFound('event');
  return e;
}

export async function getEvent(ctx: ServiceContext, id: string) {
  const e = await loadEvent(ctx, id);
  const linked = await ctx.db
    .select({ id: ideaSuggestions.id })
    .from(ideaSuggestions)
    .where(eq(ideaSuggestions.eventId, id));
  return eventView(
    e,
    linked.map((s) => s.id),
  );
}
