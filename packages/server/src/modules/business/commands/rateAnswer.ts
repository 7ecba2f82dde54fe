import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { AppError, notFound } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import { dueAfterOn, todayInChina } from '../../../kernel/deadlines.js';
import { heldCalendar } from '../../calendar/api.js';
import { heldMembership } from '../lookup.js';
import { scorecardSettings } from '../queries/scorecard.js';
import { categoryOf, expectStatus, loadRequest, movedOn } from '../requests/lookup.js';
import { ratingLastDay } from '../requests/rating-period.js';
import {
  businessAnswers,
  businessRatings,
  businessRectifications,
  businessRequests,
  type RequestStatus,
} from '../schema.js';
import { tellDepartment } from './notify.js';
import { closeOpenReminders, recordEvent } from './request-common.js';

/** 不满意 (2) and 非常不满意 (1): a rating that opens a rectification. */
export const isBadScore = (score: number) => score <= 2;

/**
 * 好差评: the firm rates an answer (or a rectification's result) once, 1 to 5, with an optional
 * comment. A bad rating opens a rectification due in the category's working days (15 by
 * default); any other closes the request. A second rating of the same answer is a CONFLICT; a
 * rating after the rating period's last day is refused with that reason (`rating_period_over`),
 * whether or not the hourly pass (`closeUnratedRequests`) has closed the request unrated yet, and
 * also when the pass closes it between the read and the write. A rating that closes the request
 * closes the commission's reminders the department left unacknowledged.
 */
export const rateAnswer = defineCommand({
  name: 'request.rate',
  async load(ctx, input: { answerId: string; score: number; comment: string }) {
    const [answer] = await ctx.db
      .select()
      .from(businessAnswers)
      .where(eq(businessAnswers.id, input.answerId));
    if (!answer) throw notFound('answer');
    const loaded = await loadRequest(ctx, answer.requestId, 'request.rate');
    const refused = await ratingRefused(ctx.db, answer.id, loaded.row.status);
    if (refused) throw refused;
    expectStatus(loaded.row, 'answered');
    // The whole last day counts; from the next one on the answer takes no rating, though the
    // hourly pass (closeUnrated.ts) may not have closed the request yet.
    const { ratingWorkdays } = await scorecardSettings(ctx.db);
    if (todayInChina() > ratingLastDay(answer.createdAt, ratingWorkdays)) throw ratingPeriodOver();
    const { rectifyWorkdays } = await categoryOf(ctx, loaded.row.categoryCode);
    return { ...loaded, answer, rectifyWorkdays };
  },
  async write(tx, ctx, { row, answer, rectifyWorkdays }, input) {
    const bad = isBadScore(input.score);
    // Counted on the calendar as stored, under its lock before any row lock (as routeRequest.ts).
    const dueOn = bad ? dueAfterOn(await heldCalendar(tx), todayInChina(), rectifyWorkdays) : row.dueOn;
    // The firm rates through its staff: one taken off it since the checks no longer reads the
    // request (NOT_FOUND, as a request of another firm), and a removal waits for the rating.
    if (!(await heldMembership(tx, ctx.principal!.userId, row.firmId))) throw notFound('request');
    const moved = await tx
      .update(businessRequests)
      .set({ status: bad ? 'rectifying' : 'closed', dueOn, updatedAt: new Date() })
      .where(and(eq(businessRequests.id, row.id), eq(businessRequests.status, 'answered')))
      .returning({ id: businessRequests.id });
    if (moved.length === 0) {
      // It changed since it was read: a rating came first, or the rating period's pass closed it
      // (closeUnrated.ts). Read it again to tell the firm which, as a rating sent later is told.
      const [now] = await tx
        .select({ status: businessRequests.status })
        .from(businessRequests)
        .where(eq(businessRequests.id, row.id));
      const refused = now ? await ratingRefused(tx, answer.id, now.status) : null;
      throw refused ?? movedOn(now?.status ?? 'gone');
    }
    // A rating that closes the request leaves the department nothing to do about the
    // commission's reminders it has not acknowledged: they close with it.
    const remindersClosed = bad ? [] : await closeOpenReminders(tx, row.id, 'requestClosed');
    // The unique index refuses a second rating of the answer from a racing request (CONFLICT).
    const [rating] = await tx
      .insert(businessRatings)
      .values({
        answerId: answer.id,
        requestId: row.id,
        score: input.score,
        comment: input.comment,
        ratedBy: ctx.principal!.userId,
      })
      .returning({ id: businessRatings.id });
    await recordEvent(tx, ctx, row.id, 'rated', {
      departmentId: answer.departmentId,
      note: input.comment,
      data: { ratingId: rating!.id, answerId: answer.id, score: input.score },
    });
    if (bad) {
      await tx.insert(businessRectifications).values({
        requestId: row.id,
        ratingId: rating!.id,
        departmentId: answer.departmentId,
        dueOn: dueOn!,
      });
      await recordEvent(tx, ctx, row.id, 'rectification_opened', {
        departmentId: answer.departmentId,
        data: { ratingId: rating!.id, dueOn },
      });
      await tellDepartment(tx, 'ratedBad', {
        requestId: row.id,
        title: row.title,
        departmentId: answer.departmentId,
        extra: { score: input.score, dueOn },
      });
    }
    return {
      result: { id: rating!.id },
      audit: {
        entityType: 'businessRequest',
        entityId: row.id,
        after: {
          ratingId: rating!.id,
          answerId: answer.id,
          score: input.score,
          rectification: bad,
          ...(remindersClosed.length ? { remindersClosed } : {}),
        },
      },
    };
  },
});

/**
 * Why the answer takes no rating, if that is known: it is rated already (CONFLICT), or 未评价办结,
 * the rating period passed and closed the request, which is not reopened for a rating.
 */
async function ratingRefused(db: Db, answerId: string, status: RequestStatus): Promise<AppError | null> {
  const [rated] = await db
    .select({ id: businessRatings.id })
    .from(businessRatings)
    .where(eq(businessRatings.answerId, answerId));
  if (rated)
    return new AppError('CONFLICT', 'this answer is rated already', [
      { path: 'score', message: 'rated already', code: 'rated_already' },
    ]);
  if (status === 'closed_unrated') return ratingPeriodOver();
  return null;
}

/** 未评价办结: the rating period has ended; the request is, or is about to be, closed unrated. */
const ratingPeriodOver = () =>
  new AppError('INVALID_STATE', 'the rating period has ended: the request closes unrated', [
    { path: 'score', message: 'the rating period has ended', code: 'rating_period_over' },
  ]);
