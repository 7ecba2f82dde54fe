import { sql } from 'drizzle-orm';
import type { Tx } from '../../../kernel/command.js';
import type { EventRow } from '../queries/events.js';
import { ideaParticipations } from '../schema.js';

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

export const countOf = (
  input: { attendanceCount?: number | undefined; attendees?: string[] | undefined },
  fallback: number,
) => input.attendanceCount ?? input.attendees?.length ?? fallback;
