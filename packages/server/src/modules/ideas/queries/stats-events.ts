import type { z } from '@hono/zod-openapi';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import type { EventKindFigure } from '../contracts-events.js';
import { eventKinds, ideaEvents, ideaSuggestions } from '../schema.js';

type Figure = z.infer<typeof EventKindFigure>;

/**
 * Per kind of event (走出去 and 请回来 among them): the events held, their attendance and the
 * suggestions collected at them. `units` limits it to the events organised in an organiser's
 * own units; null counts the whole campaign. Every kind is listed, none held counting zero.
 */
export async function eventKindFigures(
  db: Db,
  campaignId: string,
  units: string[] | null,
): Promise<Figure[]> {
  const where = and(
    eq(ideaEvents.campaignId, campaignId),
    units ? inArray(ideaEvents.organiserUnitId, units) : undefined,
  );
  // Suggestions are counted per event first, so an event's attendance is never summed twice.
  const collected = db
    .select({ eventId: ideaSuggestions.eventId, n: sql<number>`count(*)::int`.as('n') })
    .from(ideaSuggestions)
    .where(and(eq(ideaSuggestions.campaignId, campaignId), sql`${ideaSuggestions.eventId} is not null`))
    .groupBy(ideaSuggestions.eventId)
    .as('collected');
  const rows = await db
    .select({
      kind: ideaEvents.kind,
      events: sql<number>`count(*)::int`,
      attendance: sql<number>`coalesce(sum(${ideaEvents.attendanceCount}), 0)::int`,
      suggestions: sql<number>`coalesce(sum(${collected.n}), 0)::int`,
    })
    .from(ideaEvents)
    .leftJoin(collected, eq(collected.eventId, ideaEvents.id))
    .where(where)
    .groupBy(ideaEvents.kind);
  const byKind = new Map(rows.map((r) => [r.kind, r]));
  return eventKinds.map((kind) => {
    const r = byKind.get(kind);
    return { kind, events: r?.events ?? 0, attendance: r?.attendance ?? 0, suggestions: r?.suggestions ?? 0 };
  });
}
