import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { todayInChina } from '../../../kernel/deadlines.js';
import { attachments } from '../../../kernel/schema.js';
import { maskNumbersInText } from '../../../privacy.js';
import { unitBriefs } from '../../units/api.js';
import type { PublicLearning } from '../contracts-study.js';
import { reformStudyAttendance, reformStudySessions, reformStudyVisits } from '../schema.js';
import { insightsOf, membersOf, practicesOf, studyReportOwner } from './study-visits.js';

/**
 * 跳出黔江看黔江 in public: every visit whose trip is over, newest first, with its practices (and
 * the projects they inspired), insights and counts; the delegation only as its units and size, no
 * name. Then the learning sessions held, with how many attended. What the units wrote (a visit's
 * title, places and topics, practices, insights, the report's summary; a session's title and
 * topic) has its phone and ID numbers masked, as all text reaching the public has: a summary
 * naming a contact "李主任 138…" would otherwise publish the number.
 */
export async function publicLearning(db: Db): Promise<PublicLearning> {
  const visits = await db
    .select()
    .from(reformStudyVisits)
    .where(inArray(reformStudyVisits.status, ['done', 'reported']))
    .orderBy(desc(reformStudyVisits.endDate), desc(reformStudyVisits.id));
  const ids = visits.map((v) => v.id);
  const [members, practices, insights, units, files, sessions] = await Promise.all([
    membersOf(db, ids),
    practicesOf(db, ids),
    insightsOf(db, ids),
    unitBriefs(db),
    ids.length
      ? db
          .selectDistinct({ ownerId: attachments.ownerId })
          .from(attachments)
          .where(and(eq(attachments.ownerKind, studyReportOwner('').kind), inArray(attachments.ownerId, ids)))
      : Promise.resolve([]),
    publicSessions(db),
  ]);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const reported = new Set(files.map((f) => f.ownerId));
  return {
    visits: visits.map((v) => {
      const own = members.filter((m) => m.visitId === v.id);
      const ps = practices.filter((p) => p.visitId === v.id);
      const is = insights.filter((i) => i.visitId === v.id);
      // A report counts once it is handed in: its file is there and the visit is reported.
      const reports = v.status === 'reported' && reported.has(v.id) ? 1 : 0;
      return {
        id: v.id,
        title: maskNumbersInText(v.title),
        unitName: unitName.get(v.unitId) ?? '',
        destinations: v.destinations.map(maskNumbersInText),
        topics: v.topics.map(maskNumbersInText),
        startDate: v.startDate,
        endDate: v.endDate,
        delegation: {
          count: own.length,
          units: [...new Set(own.map((m) => unitName.get(m.unitId) ?? ''))].filter(Boolean),
        },
        practices: ps.map(({ visitId: _, id: __, ...p }) => ({
          ...p,
          title: maskNumbersInText(p.title),
          description: maskNumbersInText(p.description),
          sourcePlace: maskNumbersInText(p.sourcePlace),
        })),
        insights: is.map((i) => maskNumbersInText(i.text)),
        reportSummary: reports ? maskNumbersInText(v.reportSummary) : '',
        counts: { practices: ps.length, insights: is.length, reports },
      };
    }),
    sessions,
  };
}

/** Sessions held (today's included), newest first, each with its number of attendees. */
async function publicSessions(db: Db) {
  const today = todayInChina();
  const rows = await db
    .select({
      title: reformStudySessions.title,
      form: reformStudySessions.form,
      date: reformStudySessions.date,
      topic: reformStudySessions.topic,
      attendance: sql<number>`count(${reformStudyAttendance.userId})::int`,
    })
    .from(reformStudySessions)
    .leftJoin(reformStudyAttendance, eq(reformStudyAttendance.sessionId, reformStudySessions.id))
    .where(sql`${reformStudySessions.date} <= ${today}`)
    .groupBy(reformStudySessions.id)
    .orderBy(desc(reformStudySessions.date), desc(reformStudySessions.startTime));
  return rows.map((r) => ({ ...r, title: maskNumbersInText(r.title), topic: maskNumbersInText(r.topic) }));
}
