import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../../db/transaction.js';
import { AppError, notFound } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import { todayInChina } from '../../../kernel/deadlines.js';
import { expectStatus, loadRequest } from '../requests/lookup.js';
import { businessAnswers, businessRatings, businessRectifications, businessRequests } from '../schema.js';
import { tellFirm } from './notify.js';
import { recordEvent, withdrawPendingExtension } from './request-common.js';

/**
 * The rectification takes no more steps (INVALID_STATE), worded by what became of it: its result
 * is given (`rectification_closed`), or the office upheld the department's appeal of the rating,
 * which withdrew it and closed the request (`rectification_withdrawn`).
 */
const rectificationClosed = (status: string) =>
  new AppError('INVALID_STATE', `the rectification is ${status}`, [
    status === 'withdrawn'
      ? {
          path: 'status',
          message: 'the appeal was upheld: the rectification is withdrawn and the request closed',
          code: 'rectification_withdrawn',
        }
      : {
          path: 'status',
          message: 'the rectification result is given already',
          code: 'rectification_closed',
        },
  ]);

/** A rectification's state as it stands, read in a transaction whose conditional write missed it. */
async function statusNow(tx: Tx, id: string): Promise<string> {
  const [now] = await tx
    .select({ status: businessRectifications.status })
    .from(businessRectifications)
    .where(eq(businessRectifications.id, id));
  return now?.status ?? 'gone';
}

/** The return visit is recorded already (CONFLICT, `visit_recorded_already`): once per rectification. */
const visitRecorded = () =>
  new AppError('CONFLICT', 'the return visit is recorded already', [
    { path: 'visitedOn', message: 'the return visit is recorded already', code: 'visit_recorded_already' },
  ]);

async function openRectification(ctx: Parameters<typeof loadRequest>[0], id: string) {
  const [rect] = await ctx.db.select().from(businessRectifications).where(eq(businessRectifications.id, id));
  if (!rect) throw notFound('rectification');
  const loaded = await loadRequest(ctx, rect.requestId, 'rectification.record');
  if (rect.status !== 'open') throw rectificationClosed(rect.status);
  expectStatus(loaded.row, 'rectifying');
  return { ...loaded, rect };
}

/**
 * 回访: the department records its return visit to the firm (once per rectification), on a day
 * between the rating that opened the rectification and today.
 */
export const recordReturnVisit = defineCommand({
  name: 'rectification.visit',
  async load(ctx, input: { id: string; visitedOn: string; note: string }) {
    const loaded = await openRectification(ctx, input.id);
    if (loaded.rect.visitedOn) throw visitRecorded();
    if (input.visitedOn > todayInChina())
      throw new AppError('VALIDATION', 'a visit not yet made', [
        { path: 'visitedOn', message: 'in the future', code: 'date_in_future' },
      ]);
    // A return visit follows the rating that opened the rectification.
    const [rating] = await ctx.db
      .select({ at: businessRatings.createdAt })
      .from(businessRatings)
      .where(eq(businessRatings.id, loaded.rect.ratingId));
    const ratedOn = rating ? todayInChina(rating.at) : todayInChina(loaded.rect.createdAt);
    if (input.visitedOn < ratedOn)
      throw new AppError('VALIDATION', 'a visit before the rating', [
        {
          path: 'visitedOn',
          message: `before the rating (${ratedOn})`,
          code: 'date_before_rating',
          params: { date: ratedOn },
        },
      ]);
    return loaded;
  },
  async write(tx, ctx, { row, rect }, input) {
    // Conditional on what the checks saw: of two visits recorded at once, the second is refused.
    const done = await tx
      .update(businessRectifications)
      .set({ visitedOn: input.visitedOn, visitNote: input.note, updatedAt: new Date() })
      .where(
        and(
          eq(businessRectifications.id, rect.id),
          isNull(businessRectifications.visitedOn),
          eq(businessRectifications.status, 'open'),
        ),
      )
      .returning({ id: businessRectifications.id });
    if (done.length === 0) {
      const status = await statusNow(tx, rect.id);
      throw status === 'open' ? visitRecorded() : rectificationClosed(status);
    }
    await recordEvent(tx, ctx, row.id, 'return_visit', {
      departmentId: rect.departmentId,
      note: input.note,
      data: { rectificationId: rect.id, visitedOn: input.visitedOn },
    });
    return {
      result: undefined,
      audit: {
        entityType: 'businessRequest',
        entityId: row.id,
        after: { rectificationId: rect.id, ...input },
      },
    };
  },
});

/**
 * 整改完成: after its return visit, the department gives the rectification's result, a new answer
 * the firm rates again (a new rating row; the bad one stays in the record).
 */
export const completeRectification = defineCommand({
  name: 'rectification.complete',
  async load(ctx, input: { id: string; body: string }) {
    const loaded = await openRectification(ctx, input.id);
    if (!loaded.rect.visitedOn)
      throw new AppError('INVALID_STATE', 'record the return visit first', [
        { path: 'body', message: 'record the return visit first', code: 'visit_first' },
      ]);
    return loaded;
  },
  async write(tx, ctx, { row, rect }, input) {
    const moved = await tx
      .update(businessRectifications)
      .set({ status: 'done', updatedAt: new Date() })
      .where(and(eq(businessRectifications.id, rect.id), eq(businessRectifications.status, 'open')))
      .returning({ id: businessRectifications.id, dueOn: businessRectifications.dueOn });
    // Given by a colleague meanwhile, or withdrawn by an upheld appeal: the refusal says which.
    if (moved.length === 0) throw rectificationClosed(await statusNow(tx, rect.id));
    // As it stands now: an extension approved since the checks moved it.
    const dueOn = moved[0]!.dueOn;
    const [answer] = await tx
      .insert(businessAnswers)
      .values({
        requestId: row.id,
        departmentId: rect.departmentId,
        kind: 'rectification',
        body: input.body,
        onTime: todayInChina() <= dueOn,
        answeredBy: ctx.principal!.userId,
      })
      .returning({ id: businessAnswers.id });
    await tx
      .update(businessRectifications)
      .set({ resultAnswerId: answer!.id })
      .where(eq(businessRectifications.id, rect.id));
    await tx
      .update(businessRequests)
      .set({ status: 'answered', updatedAt: new Date() })
      .where(eq(businessRequests.id, row.id));
    const withdrawn = await withdrawPendingExtension(tx, ctx, row.id, 'rectified');
    await recordEvent(tx, ctx, row.id, 'rectified', {
      departmentId: rect.departmentId,
      data: { rectificationId: rect.id, answerId: answer!.id },
    });
    await tellFirm(tx, row.firmId, 'rectified', {
      requestId: row.id,
      title: row.title,
      departmentId: rect.departmentId,
    });
    return {
      result: { id: answer!.id },
      audit: {
        entityType: 'businessRequest',
        entityId: row.id,
        after: {
          rectificationId: rect.id,
          answerId: answer!.id,
          body: input.body,
          ...(withdrawn ? { extensionWithdrawn: withdrawn } : {}),
        },
      },
    };
  },
});
