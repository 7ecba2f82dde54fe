import { and, desc, eq, inArray } from 'drizzle-orm';
import { audit, systemActor } from '../../../audit/audit.js';
import type { Db } from '../../../db/client.js';
import { transaction } from '../../../db/transaction.js';
import { dueAfter, todayInChina } from '../../../kernel/deadlines.js';
import { scorecardSettings } from '../queries/scorecard.js';
import { ratingLastDay } from '../requests/rating-period.js';
import { businessAnswers, businessRequestEvents, businessRequests } from '../schema.js';
import { tellDepartment, tellFirm } from './notify.js';
import { closeOpenReminders } from './request-common.js';

/** Who the audit log names for the closing: the system, not a person. */
export const ratingPeriodActor = 'ratingPeriod';

/**
 * Working days after the period's last day within which a closing is still news to the firm and
 * the department. The hourly pass closes a request on the day after; a pass that catches up on
 * older ones (the first start after an upgrade, a server that was down for weeks) closes them
 * with their step and audit row but sends nothing: a burst of messages about periods long ended
 * would bury the inboxes' live work.
 */
export const CLOSING_NEWS_WORKDAYS = 3;

interface Waiting {
  id: string;
  firmId: string;
  title: string;
  answerId: string;
  departmentId: string;
  answeredOn: string;
  lastDay: string;
}

/** Requests waiting for a rating (待评价) whose latest answer's rating period ended before `today`. */
async function overdueUnrated(db: Db, today: string, ratingWorkdays: number): Promise<Waiting[]> {
  const requests = await db
    .select({ id: businessRequests.id, firmId: businessRequests.firmId, title: businessRequests.title })
    .from(businessRequests)
    .where(eq(businessRequests.status, 'answered'));
  if (requests.length === 0) return [];
  const answers = await db
    .select({
      id: businessAnswers.id,
      requestId: businessAnswers.requestId,
      departmentId: businessAnswers.departmentId,
      at: businessAnswers.createdAt,
    })
    .from(businessAnswers)
    .where(
      inArray(
        businessAnswers.requestId,
        requests.map((r) => r.id),
      ),
    )
    .orderBy(desc(businessAnswers.createdAt));
  // The latest answer is the one the firm is asked to rate (the first answer, or a rectification's result).
  const latest = new Map<string, (typeof answers)[number]>();
  for (const a of answers) if (!latest.has(a.requestId)) latest.set(a.requestId, a);
  return requests.flatMap((r) => {
    const a = latest.get(r.id);
    if (!a) return [];
    const lastDay = ratingLastDay(a.at, ratingWorkdays);
    if (today <= lastDay) return [];
    return [
      {
        ...r,
        answerId: a.id,
        departmentId: a.departmentId,
        answeredOn: todayInChina(a.at),
        lastDay,
      },
    ];
  });
}

/**
 * 未评价办结: closes every request whose firm let the rating period (`ratingWorkdays` of the
 * scorecard settings, 10 by default) pass without rating the answer. The department answered, so
 * the request counts as resolved; no rating is made up for the firm, so it stays out of the
 * satisfaction rate. Each request closes in its own transaction by a conditional write (status
 * still 待评价), with its step, its audit row (the system acting) and the notices to the firm's
 * staff and the department (only while it is news: {@link CLOSING_NEWS_WORKDAYS}): a rating
 * that came first, or another process closing it first,
 * leaves it as it is. The commission's reminders the department left unacknowledged close with
 * it. Answers the ids closed by this pass.
 */
export async function closeUnratedRequests(db: Db, today = todayInChina()): Promise<string[]> {
  const { ratingWorkdays } = await scorecardSettings(db);
  const closed: string[] = [];
  for (const w of await overdueUnrated(db, today, ratingWorkdays)) {
    const done = await transaction(db, async (tx) => {
      const moved = await tx
        .update(businessRequests)
        .set({ status: 'closed_unrated', updatedAt: new Date() })
        .where(and(eq(businessRequests.id, w.id), eq(businessRequests.status, 'answered')))
        .returning({ id: businessRequests.id });
      if (moved.length === 0) return false;
      const told = today <= dueAfter(w.lastDay, CLOSING_NEWS_WORKDAYS);
      // The department owes nothing more: the commission's reminders it left unacknowledged close.
      const remindersClosed = await closeOpenReminders(tx, w.id, 'requestClosed');
      const data = {
        answerId: w.answerId,
        answeredOn: w.answeredOn,
        lastDay: w.lastDay,
        ratingWorkdays,
        told,
        ...(remindersClosed.length ? { remindersClosed } : {}),
      };
      await tx.insert(businessRequestEvents).values({
        requestId: w.id,
        kind: 'closed_unrated',
        actorId: null,
        departmentId: w.departmentId,
        data,
      });
      await audit(tx, systemActor(ratingPeriodActor), {
        action: 'request.closeUnrated',
        entityType: 'businessRequest',
        entityId: w.id,
        before: { status: 'answered' },
        after: { status: 'closed_unrated', ...data },
      });
      const about = {
        requestId: w.id,
        title: w.title,
        departmentId: w.departmentId,
        extra: { answeredOn: w.answeredOn, lastDay: w.lastDay },
      };
      if (told) {
        await tellFirm(tx, w.firmId, 'firmClosedUnrated', about);
        await tellDepartment(tx, 'closedUnrated', about);
      }
      return true;
    });
    if (done) closed.push(w.id);
  }
  return closed;
}

/** How often each process looks for requests to close: hourly, as the reminders do. */
export const CLOSE_UNRATED_MS = 3_600_000;

/**
 * The module's background work: a pass at start, then every {@link CLOSE_UNRATED_MS}; a failure
 * is reported, never thrown. Several processes may run it on one database at once (see
 * {@link closeUnratedRequests}). Answers the function that stops this database's timer.
 */
export function startUnratedClosing(db: Db, onError: (err: unknown) => void): () => Promise<void> {
  const run = () => void closeUnratedRequests(db).catch(onError);
  run();
  const timer = setInterval(run, CLOSE_UNRATED_MS);
  timer.unref();
  return async () => clearInterval(timer);
}
