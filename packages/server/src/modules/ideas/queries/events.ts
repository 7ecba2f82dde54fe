import { z } from '@hono/zod-openapi';
import { and, desc, eq, sql } from 'drizzle-orm';
import { audit } from '../../../audit/audit.js';
import { actor, type ServiceContext } from '../../../context.js';
import { type Tx, transaction } from '../../../db/transaction.js';
import { AppError, forbidden, notFound } from '../../../errors.js';
import { isoDate } from '../../../http/input.js';
import { EventActions, EventKind, EventListActions } from '../contracts.js';
import { canIdea, mayEver } from '../policy.js';
import { ideaEvents, ideaParticipations, ideaSuggestions } from '../schema.js';
import { eventActions, eventListActions } from '../staff-actions.js';
import { currentCampaign } from './campaigns.js';
import { unitIndex } from './lookup.js';

export const EventInput = z
  .object({
    kind: EventKind,
    title: z.string().trim().min(2).max(120),
    heldOn: isoDate(),
    place: z.string().trim().max(120).default(''),
    organiserUnitId: z.uuid(),
    attendanceCount: z.number().int().min(0).max(100_000).optional(),
    attendees: z.array(z.string().trim().min(1).max(60)).max(5000).optional(),
    minutes: z.string().max(20_000).default(''),
  })
  .strict()
  .openapi('IdeaEventInput');
export const EventUpdate = EventInput.partial().strict().openapi('IdeaEventUpdate');
export const IdeaEvent = z
  .object({
    id: z.uuid(),
    kind: EventKind,
    title: z.string(),
    heldOn: z.string(),
    place: z.string(),
    organiserUnitId: z.uuid(),
    attendanceCount: z.number().int(),
    attendees: z.array(z.string()).nullable(),
    minutes: z.string(),
    suggestionIds: z.array(z.uuid()),
  })
  .openapi('IdeaEvent');
/** The campaign's events, each saying whether the caller may change it, and whether they may add one. */
export const IdeaEventList = z
  .object({ items: z.array(IdeaEvent.extend({ actions: EventActions })), actions: EventListActions })
  .openapi('IdeaEventList');
type EventRow = typeof ideaEvents.$inferSelect;

const view = (e: EventRow, suggestionIds: string[] = []) => ({
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

async function unitPath(ctx: ServiceContext, unitId: string) {
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
  const units = await unitIndex(ctx.db);
  return {
    items: rows.map((r) => ({
      ...view(r),
      actions: eventActions(ctx.principal, units.get(r.organiserUnitId)?.path ?? ''),
    })),
    actions: eventListActions(ctx.principal),
  };
}

async function loadEvent(ctx: ServiceContext, id: string) {
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
  return view(
    e,
    linked.map((s) => s.id),
  );
}

/** Attendance is counted as participations: one row per attendee, adjusted when the count changes. */
async function setAttendance(tx: Tx, e: EventRow, from: number, to: number) {
  if (to > from) {
    await tx.execute(sql`
      insert into ${ideaParticipations} (campaign_id, kind, channel, town_id, event_id)
      select ${e.campaignId}, 'attendance', 'event', ${e.organiserUnitId}, ${e.id} from generate_series(1, ${to - from})`);
  } else if (to < from) {
    await tx.execute(sql`
      delete from ${ideaParticipations} where id in (
        select id from ${ideaParticipations} where event_id = ${e.id} and kind = 'attendance'
        order by id desc limit ${from - to})`);
  }
}

const countOf = (
  input: { attendanceCount?: number | undefined; attendees?: string[] | undefined },
  fallback: number,
) => input.attendanceCount ?? input.attendees?.length ?? fallback;

export async function createEvent(ctx: ServiceContext, input: z.infer<typeof EventInput>) {
  if (!canIdea(ctx.principal, 'event.manage', await unitPath(ctx, input.organiserUnitId))) throw forbidden();
  const campaign = await currentCampaign(ctx.db);
  return transaction(ctx.db, async (tx) => {
    const [e] = await tx
      .insert(ideaEvents)
      .values({
        ...input,
        campaignId: campaign.id,
        attendanceCount: countOf(input, 0),
        attendees: input.attendees ?? null,
      })
      .returning();
    await setAttendance(tx, e!, 0, e!.attendanceCount);
    const after = view(e!);
    await audit(tx, actor(ctx), { action: 'event.create', entityType: 'event', entityId: e!.id, after });
    return after;
  });
}

export async function updateEvent(ctx: ServiceContext, id: string, input: z.infer<typeof EventUpdate>) {
  const before = await loadEvent(ctx, id);
  if (
    input.organiserUnitId &&
    !canIdea(ctx.principal, 'event.manage', await unitPath(ctx, input.organiserUnitId))
  )
    throw forbidden();
  const count = countOf(input, before.attendanceCount);
  return transaction(ctx.db, async (tx) => {
    const [e] = await tx
      .update(ideaEvents)
      .set({ ...input, attendanceCount: count })
      .where(and(eq(ideaEvents.id, id)))
      .returning();
    await setAttendance(tx, e!, before.attendanceCount, count);
    const after = view(e!);
    await audit(tx, actor(ctx), {
      action: 'event.update',
      entityType: 'event',
      entityId: id,
      before: view(before),
      after,
    });
    return after;
  });
}
