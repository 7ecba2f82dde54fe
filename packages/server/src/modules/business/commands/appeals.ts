import { and, eq } from 'drizzle-orm';
import { refuseOnUniqueViolation } from '../../../db/sql-state.js';
import { AppError, notFound } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import { loadRequest } from '../requests/lookup.js';
import {
  businessAnswers,
  businessAppeals,
  businessRatings,
  businessRectifications,
  businessRequests,
} from '../schema.js';
import { tellDepartment, tellFirm, tellOffice } from './notify.js';
import { isBadScore } from './rateAnswer.js';
import { closeOpenReminders, recordEvent, withdrawPendingExtension } from './request-common.js';

/**
 * 恶意差评申诉: the department a bad rating concerns appeals it to the office, with its reasons,
 * once per rating. The rating stays in the record whatever the office decides. The office over
 * the firm's town, which decides, is told of the appeal (its reasons are on the request's page).
 */
export const appealRating = defineCommand({
  name: 'rating.appeal',
  async load(ctx, input: { ratingId: string; reason: string }) {
    const [rating] = await ctx.db
      .select()
      .from(businessRatings)
      .where(eq(businessRatings.id, input.ratingId));
    if (!rating) throw notFound('rating');
    const loaded = await loadRequest(ctx, rating.requestId, 'rating.appeal');
    const [answer] = await ctx.db
      .select({ departmentId: businessAnswers.departmentId })
      .from(businessAnswers)
      .where(eq(businessAnswers.id, rating.answerId));
    if (!isBadScore(rating.score))
      throw new AppError('VALIDATION', 'only a bad rating is appealed', [
        { path: 'reason', message: 'only a bad rating is appealed', code: 'not_a_bad_rating' },
      ]);
    const [appealed] = await ctx.db
      .select({ id: businessAppeals.id })
      .from(businessAppeals)
      .where(eq(businessAppeals.ratingId, rating.id));
    if (appealed) throw appealedAlready();
    return { ...loaded, rating, departmentId: answer!.departmentId };
  },
  async write(tx, ctx, { row, town, rating, departmentId }, input) {
    const [appeal] = await tx
      .insert(businessAppeals)
      .values({
        ratingId: rating.id,
        requestId: row.id,
        departmentId,
        reason: input.reason,
        raisedBy: ctx.principal!.userId,
      })
      .returning({ id: businessAppeals.id })
      // Two appeals at once: the second meets the first at the unique index of the rating.
      .catch(refuseOnUniqueViolation(appealedAlready));
    await recordEvent(tx, ctx, row.id, 'appeal_raised', {
      departmentId,
      note: input.reason,
      data: { appealId: appeal!.id, ratingId: rating.id, score: rating.score },
    });
    await tellOffice(tx, town.path, 'appealRaised', {
      requestId: row.id,
      title: row.title,
      departmentId,
      extra: { score: rating.score },
    });
    return {
      result: { id: appeal!.id },
      audit: { entityType: 'businessRequest', entityId: row.id, after: { appealId: appeal!.id, ...input } },
    };
  },
});

/** A rating is appealed once (CONFLICT, `appealed_already`). */
const appealedAlready = () =>
  new AppError('CONFLICT', 'this rating is appealed already', [
    { path: 'reason', message: 'appealed already', code: 'appealed_already' },
  ]);

/** The appeal is decided already (INVALID_STATE, `appeal_decided`), maybe by another office member. */
const appealDecided = (status: string) =>
  new AppError('INVALID_STATE', `the appeal is ${status}`, [
    { path: 'upheld', message: 'the appeal is decided already', code: 'appeal_decided' },
  ]);

/**
 * The office decides an appeal with its reasons. Upheld, the rating is set aside: a rectification
 * it opened and not yet done is withdrawn and the request closes, with the extension still waiting
 * for a decision and the commission's unacknowledged reminders. Dismissed, nothing else changes.
 * The department's staff and the firm's staff are told the outcome either way (the firm without
 * the office's reasons, which its request's page shows).
 */
export const decideAppeal = defineCommand({
  name: 'appeal.decide',
  async load(ctx, input: { appealId: string; upheld: boolean; note: string }) {
    const [appeal] = await ctx.db
      .select()
      .from(businessAppeals)
      .where(eq(businessAppeals.id, input.appealId));
    if (!appeal) throw notFound('appeal');
    const loaded = await loadRequest(ctx, appeal.requestId, 'appeal.decide');
    if (appeal.status !== 'pending') throw appealDecided(appeal.status);
    return { ...loaded, appeal };
  },
  async write(tx, ctx, { row, appeal }, input) {
    const moved = await tx
      .update(businessAppeals)
      .set({
        status: input.upheld ? 'upheld' : 'dismissed',
        decisionNote: input.note,
        decidedBy: ctx.principal!.userId,
        decidedAt: new Date(),
      })
      .where(and(eq(businessAppeals.id, appeal.id), eq(businessAppeals.status, 'pending')))
      .returning({ id: businessAppeals.id });
    if (moved.length === 0) throw appealDecided('decided');
    let withdrawn = false;
    let closed: { extension: string | null; reminders: string[] } | null = null;
    if (input.upheld) {
      const open = await tx
        .update(businessRectifications)
        .set({ status: 'withdrawn', updatedAt: new Date() })
        .where(
          and(
            eq(businessRectifications.ratingId, appeal.ratingId),
            eq(businessRectifications.status, 'open'),
          ),
        )
        .returning({ id: businessRectifications.id });
      withdrawn = open.length > 0;
      if (withdrawn) {
        await tx
          .update(businessRequests)
          .set({ status: 'closed', updatedAt: new Date() })
          .where(and(eq(businessRequests.id, row.id), eq(businessRequests.status, 'rectifying')));
        // Closed, the request owes nothing more: the days the department asked for the
        // rectification, and the commission's reminders it left unacknowledged, are closed too.
        closed = {
          extension: await withdrawPendingExtension(tx, ctx, row.id, 'appealUpheld'),
          reminders: await closeOpenReminders(tx, row.id, 'requestClosed'),
        };
      }
    }
    await recordEvent(tx, ctx, row.id, input.upheld ? 'appeal_upheld' : 'appeal_dismissed', {
      departmentId: appeal.departmentId,
      note: input.note,
      data: {
        appealId: appeal.id,
        ratingId: appeal.ratingId,
        rectificationWithdrawn: withdrawn,
        ...(closed?.reminders.length ? { remindersClosed: closed.reminders } : {}),
      },
    });
    const about = { requestId: row.id, title: row.title, departmentId: appeal.departmentId };
    // Both sides hear whether the rating stands and, when the appeal withdrew the open
    // rectification, that it is withdrawn and the request closed: nothing more is owed on it.
    await tellDepartment(
      tx,
      input.upheld ? (withdrawn ? 'appealUpheldClosed' : 'appealUpheld') : 'appealDismissed',
      about,
    );
    await tellFirm(
      tx,
      row.firmId,
      input.upheld ? (withdrawn ? 'firmAppealUpheldClosed' : 'firmAppealUpheld') : 'firmAppealDismissed',
      about,
    );
    return {
      result: undefined,
      audit: {
        entityType: 'businessRequest',
        entityId: row.id,
        after: {
          appealId: appeal.id,
          upheld: input.upheld,
          note: input.note,
          withdrawn,
          ...(closed?.extension ? { extensionWithdrawn: closed.extension } : {}),
          ...(closed?.reminders.length ? { remindersClosed: closed.reminders } : {}),
        },
      },
    };
  },
});
