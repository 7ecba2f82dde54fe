import { and, eq } from 'drizzle-orm';
import { AppError, notFound } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import { dueAfter, todayInChina } from '../../../kernel/deadlines.js';
import { assertMoved } from '../../../kernel/workflow.js';
import { categoryOf, expectStatus, loadRequest } from '../requests/lookup.js';
import { businessAnswers, businessRatings, businessRectifications, businessRequests } from '../schema.js';
import { tellDepartment } from './notify.js';
import { recordEvent } from './request-common.js';

/** 不满意 (2) and 非常不满意 (1): a rating that opens a rectification. */
export const isBadScore = (score: number) => score <= 2;

/**
 * 好差评: the firm rates an answer (or a rectification's result) once, 1 to 5, with an optional
 * comment. A bad rating opens a rectification due in the category's working days (15 by
 * default); any other closes the request. A second rating of the same answer is a CONFLICT; a
 * rating after the rating period closed the request unrated (`closeUnratedRequests`) is refused.
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
    const [rated] = await ctx.db
      .select({ id: businessRatings.id })
      .from(businessRatings)
      .where(eq(businessRatings.answerId, answer.id));
    if (rated)
      throw new AppError('CONFLICT', 'this answer is rated already', [
        { path: 'score', message: 'rated already', code: 'rated_already' },
      ]);
    // 未评价办结: the rating period passed and the request closed; it is not reopened for a rating.
    if (loaded.row.status === 'closed_unrated')
      throw new AppError('INVALID_STATE', 'the rating period has ended and the request is closed unrated', [
        { path: 'score', message: 'the rating period has ended', code: 'rating_period_over' },
      ]);
    expectStatus(loaded.row, 'answered');
    const { rectifyWorkdays } = await categoryOf(ctx, loaded.row.categoryCode);
    return { ...loaded, answer, rectifyWorkdays };
  },
  async write(tx, ctx, { row, answer, rectifyWorkdays }, input) {
    const bad = isBadScore(input.score);
    const dueOn = bad ? dueAfter(todayInChina(), rectifyWorkdays) : row.dueOn;
    const moved = await tx
      .update(businessRequests)
      .set({ status: bad ? 'rectifying' : 'closed', dueOn, updatedAt: new Date() })
      .where(and(eq(businessRequests.id, row.id), eq(businessRequests.status, 'answered')))
      .returning({ id: businessRequests.id });
    assertMoved({ name: 'request' }, moved);
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
        after: { ratingId: rating!.id, answerId: answer.id, score: input.score, rectification: bad },
      },
    };
  },
});
