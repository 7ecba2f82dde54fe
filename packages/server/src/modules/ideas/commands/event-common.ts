import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../../kernel/command.js';
import type { EventRow } from '../queries/events.js';
import { grouped, type Row, rowsOf } from '../queries/stats.js';
import { ideaCampaigns, ideaEvents, ideaParticipationRollup, ideaParticipations } from '../schema.js';

/** Attendance is counted as participations: one row per attendee, adjusted when the count changes. */
export async function setAttendance(tx: Tx, e: EventRow, from: number, to: number) {
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

/** The event, locked until the transaction ends: two corrections at once apply one after the other. */
export async function lockedEvent(tx: Tx, id: string): Promise<EventRow | undefined> {
  const [e] = await tx.select().from(ideaEvents).where(eq(ideaEvents.id, id)).for('update');
  return e;
}

/**
 * Corrects an event's participations from `before` (the locked row) to `after`: the count up or
 * down, and the rows' town when the organiser changed. Rows of days already closed into the
 * rollup are taken out of it and put back as they now are, in the same transaction, so the public
 * figures follow the correction. The campaign row is held (shared) meanwhile, so the daily rollup
 * closes no day between the two.
 */
export async function correctAttendance(tx: Tx, before: EventRow, after: EventRow) {
  const [campaign] = await tx
    .select({ upTo: ideaCampaigns.rolledUpTo })
    .from(ideaCampaigns)
    .where(eq(ideaCampaigns.id, before.campaignId))
    .for('share');
  const upTo = campaign?.upTo;
  const closed = () =>
    upTo
      ? grouped(
          tx,
          and(
            eq(ideaParticipations.eventId, before.id),
            eq(ideaParticipations.kind, 'attendance'),
            sql`${ideaParticipations.at} < ${upTo.toISOString()}`,
          ),
        ).then(rowsOf)
      : Promise.resolve([]);
  const was = await closed();
  await setAttendance(tx, after, before.attendanceCount, after.attendanceCount);
  if (after.organiserUnitId !== before.organiserUnitId)
    await tx
      .update(ideaParticipations)
      .set({ townId: after.organiserUnitId })
      .where(and(eq(ideaParticipations.eventId, before.id), eq(ideaParticipations.kind, 'attendance')));
  if (upTo) await adjustRollup(tx, before.campaignId, was, await closed());
}

/** Adds to the rollup what `now` counts more than `was`, per day, dimension and key. */
async function adjustRollup(tx: Tx, campaignId: string, was: readonly Row[], now: readonly Row[]) {
  const diff = new Map<string, { day: string; dim: string; key: string; n: number }>();
  const add = (rows: readonly Row[], sign: number) => {
    for (const r of rows) {
      if (r.key === null) continue;
      const k = `${r.day}|${r.dim}|${r.key}`;
      const d = diff.get(k) ?? { day: r.day, dim: r.dim, key: r.key, n: 0 };
      d.n += sign * r.n;
      diff.set(k, d);
    }
  };
  add(was, -1);
  add(now, 1);
  const changes = [...diff.values()].filter((d) => d.n !== 0);
  if (changes.length === 0) return;
  await tx
    .insert(ideaParticipationRollup)
    .values(changes.map((d) => ({ campaignId, ...d })))
    .onConflictDoUpdate({
      target: [
        ideaParticipationRollup.campaignId,
        ideaParticipationRollup.day,
        ideaParticipationRollup.dim,
        ideaParticipationRollup.key,
      ],
      set: { n: sql`${ideaParticipationRollup.n} + excluded.n` },
    });
}

export const countOf = (
  input: { attendanceCount?: number | undefined; attendees?: string[] | undefined },
  fallback: number,
) => input.attendanceCount ?? input.attendees?.length ?? fallback;
