import type { z } from '@hono/zod-openapi';
import { and, count, desc, eq, inArray } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { AppError, forbidden, notFound } from '../../../errors.js';
import { maskNumbersInText, maskPersonName } from '../../../privacy.js';
import type { EventSuggestionQuery } from '../contracts-events.js';
import { canIdea, mayEver } from '../policy.js';
import { isPublic } from '../publication.js';
import { ideaCampaigns, ideaEvents, ideaSuggestions } from '../schema.js';
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

/**
 * An event for a reader who may not correct it (another street's organiser): each line of the
 * attendees is masked as a person's name (张**), since a line may name a resident, and a phone or
 * ID number typed into the minutes is masked, as in every list. Those who may correct it read
 * what they wrote.
 */
const forReader = (e: ReturnType<typeof eventView>, mayUpdate: boolean) =>
  mayUpdate
    ? e
    : {
        ...e,
        attendees: e.attendees?.map((a) => maskPersonName(a) ?? '') ?? null,
        minutes: maskNumbersInText(e.minutes),
      };

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
  if (!mayEver(ctx.principal, 'event.read')) throw forbidden();
  const campaign = await currentCampaign(ctx.db);
  const rows = await ctx.db
    .select()
    .from(ideaEvents)
    .where(eq(ideaEvents.campaignId, campaign.id))
    .orderBy(desc(ideaEvents.heldOn));
  const [units, linked] = await Promise.all([unitIndex(ctx.db), linkedSuggestions(ctx, rows)]);
  return {
    items: rows.map((r) => {
      const actions = eventActions(ctx.principal, units.get(r.organiserUnitId)?.path ?? '');
      return { ...forReader(eventView(r, linked.get(r.id)), actions.update), actions };
    }),
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

/** A suggestion names an event of its own campaign, or the field is refused. */
export async function requireEvent(ctx: ServiceContext, campaignId: string, eventId: string) {
  const [e] = await ctx.db
    .select({ id: ideaEvents.id })
    .from(ideaEvents)
    .where(and(eq(ideaEvents.id, eventId), eq(ideaEvents.campaignId, campaignId)));
  if (!e)
    throw new AppError('VALIDATION', 'unknown event', [
      { path: 'eventId', message: 'not found', code: 'not_found' },
    ]);
}

/** An event the actor may manage, or not-found. */
export async function loadEvent(ctx: ServiceContext, id: string) {
  const [e] = await ctx.db.select().from(ideaEvents).where(eq(ideaEvents.id, id));
  if (!e || !canIdea(ctx.principal, 'event.manage', await unitPath(ctx, e.organiserUnitId)))
    throw notFound('event');
  return e;
}

/** An event the actor may read, or not-found (forbidden for a role that reads none). */
async function readableEvent(ctx: ServiceContext, id: string) {
  if (!mayEver(ctx.principal, 'event.read')) throw forbidden();
  const [e] = await ctx.db.select().from(ideaEvents).where(eq(ideaEvents.id, id));
  if (!e) throw notFound('event');
  return e;
}

/** One event's page: the event, its suggestions' ids and whether the caller may correct it. */
export async function getEvent(ctx: ServiceContext, id: string) {
  const e = await readableEvent(ctx, id);
  const [linked, path] = await Promise.all([
    ctx.db.select({ id: ideaSuggestions.id }).from(ideaSuggestions).where(eq(ideaSuggestions.eventId, id)),
    unitPath(ctx, e.organiserUnitId),
  ]);
  const actions = eventActions(ctx.principal, path);
  const view = eventView(
    e,
    linked.map((s) => s.id),
  );
  return { ...forReader(view, actions.update), actions };
}

/**
 * A page of the suggestions collected at an event, newest first: titles masked as in every
 * list, each saying whether its public page shows it.
 */
export async function eventSuggestions(
  ctx: ServiceContext,
  id: string,
  q: z.infer<typeof EventSuggestionQuery>,
) {
  const e = await readableEvent(ctx, id);
  const where = and(eq(ideaSuggestions.eventId, e.id), eq(ideaSuggestions.campaignId, e.campaignId));
  const [rows, [total], units] = await Promise.all([
    ctx.db
      .select({
        id: ideaSuggestions.id,
        title: ideaSuggestions.title,
        status: ideaSuggestions.status,
        townId: ideaSuggestions.townId,
        createdAt: ideaSuggestions.createdAt,
        publication: ideaCampaigns.publication,
      })
      .from(ideaSuggestions)
      .innerJoin(ideaCampaigns, eq(ideaCampaigns.id, ideaSuggestions.campaignId))
      .where(where)
      .orderBy(desc(ideaSuggestions.createdAt), desc(ideaSuggestions.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.select({ n: count() }).from(ideaSuggestions).where(where),
    unitIndex(ctx.db),
  ]);
  return {
    total: total?.n ?? 0,
    items: rows.map((r) => ({
      id: r.id,
      title: maskNumbersInText(r.title),
      status: r.status,
      townName: units.get(r.townId)?.name ?? null,
      createdAt: r.createdAt.toISOString(),
      public: isPublic({ publication: r.publication }, r.status),
    })),
  };
}
